package dev.baton.librarytest.okhttp;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Requests as an application sends them, in the two API styles: execute and enqueue. */
final class OkHttpRequests {

  static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .connectTimeout(5, TimeUnit.SECONDS)
      .readTimeout(10, TimeUnit.SECONDS)
      .build();

  private OkHttpRequests() {}

  static Request request(String method, URI uri, Map<String, String> headers) {
    Request.Builder builder = new Request.Builder().url(uri.toString());
    headers.forEach(builder::header);
    boolean noBody = method.equals("GET") || method.equals("HEAD");
    @SuppressWarnings("deprecation") // the (MediaType, byte[]) form is the one both majors have
    RequestBody body = noBody ? null : RequestBody.create(null, new byte[0]);
    return builder.method(method, body).build();
  }

  static Request get(URI uri) {
    return request("GET", uri, Map.of());
  }

  /** {@code Call.execute()}: the status, or the client's own exception. */
  static int execute(OkHttpClient client, Request request) throws IOException {
    Response response = client.newCall(request).execute();
    response.body().close(); // Response itself is Closeable only from 3.3 on
    return response.code();
  }

  /**
   * {@code Call.enqueue(Callback)}, waiting for the callback: the status, or the exception OkHttp
   * gave to {@code onFailure}, rethrown as it was. {@code inCallback} runs inside the callback.
   */
  static int enqueue(OkHttpClient client, Request request, InCallback inCallback) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Integer> status = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try {
          response.body().close();
          status.set(response.code());
          inCallback.run();
        } catch (Exception e) {
          failure.set(e);
        } finally {
          done.countDown();
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        failure.set(e);
        try {
          inCallback.run();
        } catch (Exception nested) {
          e.addSuppressed(nested);
        } finally {
          done.countDown();
        }
      }
    });
    if (!done.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no callback within 30 s");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return status.get();
  }

  static int enqueue(OkHttpClient client, Request request) throws Exception {
    return enqueue(client, request, () -> {});
  }

  /** What the application does inside its callback. */
  @FunctionalInterface
  interface InCallback {
    void run() throws Exception;
  }
}
