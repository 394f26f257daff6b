package dev.baton.instrumentation.javahttpclient;

import dev.baton.instrumentation.api.CurrentCall;
import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.context.Context;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the HttpClient advice does; the advice itself only forwards here. */
public final class JavaHttpClientTracing {

  private static final HttpClientTracer<HttpRequest, HttpResponse<?>> TRACER =
      new HttpClientTracer<>("baton.java-http-client", JavaHttpClientAttributesGetter.INSTANCE);

  private JavaHttpClientTracing() {}

  /**
   * @return {@code {request to send, call}}, or {@code null} to leave the call alone; the first
   *     element is never null
   */
  public static Object[] start(HttpRequest request) {
    Context parent = Context.current();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    Context context = TRACER.start(parent, request);
    HttpRequest.Builder copy = RequestCopier.copy(request);
    TRACER.inject(context, copy, HttpRequestBuilderSetter.INSTANCE);
    // The span is current while the JDK sends, so a nested instrumented call does not start
    // another CLIENT span.
    return new Object[] {copy.build(), CurrentCall.open(context)};
  }

  public static void end(Object[] enter, HttpResponse<?> response, Throwable error) {
    CurrentCall call = callOf(enter);
    if (call != null) {
      TRACER.end(call.close(), response, error);
    }
  }

  public static void endAsync(
      Object[] enter, CompletableFuture<HttpResponse<?>> future, Throwable error) {
    CurrentCall call = callOf(enter);
    if (call == null) {
      return;
    }
    Context context = call.close();
    if (error != null || future == null) {
      TRACER.end(context, null, error);
      return;
    }
    // Observes completion without changing the future the application holds.
    future.whenComplete((response, failure) -> TRACER.end(context, response, unwrap(failure)));
  }

  /** Dependent stages see the client's exception wrapped; the span records the client's own. */
  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static CurrentCall callOf(Object[] enter) {
    return enter != null && enter.length > 1 && enter[1] instanceof CurrentCall
        ? (CurrentCall) enter[1]
        : null;
  }
}
