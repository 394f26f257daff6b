package dev.baton.smoke.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Calls downstream from another thread. {@code GET /handoff/lost} hands the call to a
 * {@link HandMadeExecutor}, which loses the request's trace; {@code GET /handoff/kept} hands it
 * to a JDK executor, which the agent carries the context through. No tracing code.
 */
final class HandOffServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient HttpClient client;
  private final transient HandMadeExecutor handMade = new HandMadeExecutor();
  private final transient ExecutorService jdkPool = Executors.newFixedThreadPool(1);

  HandOffServlet(HttpClient client) {
    this.client = client;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    URI downstream = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/downstream?from=handoff");
    CompletableFuture<Integer> status = new CompletableFuture<>();
    if ("/lost".equals(request.getPathInfo())) {
      handMade.execute(() -> complete(status, () -> callFromHandMadeWorker(downstream)));
    } else {
      jdkPool.execute(() -> complete(status, () -> callFromJdkPool(downstream)));
    }
    String answer;
    try {
      answer = "downstream said " + status.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().print(answer);
  }

  private int callFromHandMadeWorker(URI downstream) throws Exception {
    return client.send(get(downstream), HttpResponse.BodyHandlers.discarding()).statusCode(); // trace gap call site
  }

  private int callFromJdkPool(URI downstream) throws Exception {
    return client.send(get(downstream), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
  }

  private static void complete(CompletableFuture<Integer> status, Callable<Integer> call) {
    try {
      status.complete(call.call());
    } catch (Exception e) {
      status.completeExceptionally(e);
    }
  }
}
