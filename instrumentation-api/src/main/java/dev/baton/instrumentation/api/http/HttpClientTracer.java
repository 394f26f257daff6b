package dev.baton.instrumentation.api.http;

import static dev.baton.instrumentation.api.http.SemanticAttributes.*;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.SpanRecording;
import dev.baton.instrumentation.api.gaps.TraceGaps;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URI;

/**
 * Client-side HTTP semantics, shared by every HTTP client: names the CLIENT span, fills the
 * stable attributes and injects the context into the outgoing headers with the configured
 * propagators. When a client is built on another instrumented client, only the outermost call
 * creates a span.
 */
public final class HttpClientTracer<REQ, RESP> {

  private static final ContextKey<Span> CLIENT_SPAN = ContextKey.named("baton-http-client-span");

  private final String instrumentationName;
  private final Tracer tracer;
  private final HttpClientAttributesGetter<REQ, RESP> attributes;
  private final boolean recording;

  public HttpClientTracer(String instrumentationName, HttpClientAttributesGetter<REQ, RESP> attributes) {
    this.instrumentationName = instrumentationName;
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
    this.attributes = attributes;
    this.recording = SpanRecording.isOn();
  }

  /**
   * Whether a new CLIENT span belongs here: not inside the agent's own exporter traffic and not
   * inside another instrumented client call.
   */
  public boolean shouldStart(Context parent) {
    return !InstrumentationSuppression.isSuppressed(parent) && parent.get(CLIENT_SPAN) == null;
  }

  /** Starts the CLIENT span; the returned context holds it. */
  public Context start(Context parent, REQ request) {
    TraceGaps.outbound(instrumentationName, parent);
    if (!recording) {
      // forward mode: nothing to record; the marker still keeps nested clients quiet
      return parent.with(CLIENT_SPAN, Span.fromContext(parent));
    }
    String method = attributes.method(request);
    URI uri = attributes.uri(request);
    SpanBuilder builder =
        tracer
            .spanBuilder(HttpMethods.spanName(method, null))
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(HTTP_REQUEST_METHOD, HttpMethods.normalize(method));
    if (!HttpMethods.isKnown(method)) {
      builder.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    if (uri != null) {
      builder.setAttribute(URL_FULL, UrlRedaction.redactUrl(uri.toString()));
      if (uri.getHost() != null) {
        builder.setAttribute(SERVER_ADDRESS, uri.getHost());
      }
      long port = port(uri);
      if (port > 0) {
        builder.setAttribute(SERVER_PORT, port);
      }
    }
    Span span = builder.startSpan();
    return parent.with(span).with(CLIENT_SPAN, span);
  }

  /**
   * Renames the CLIENT span and corrects its method attributes, for a client that changes the
   * method of a request after it started (HttpURLConnection turns GET into POST when the
   * application opens the request body).
   */
  public void updateMethod(Context context, String method) {
    Span span = Span.fromContext(context);
    span.updateName(HttpMethods.spanName(method, null));
    span.setAttribute(HTTP_REQUEST_METHOD, HttpMethods.normalize(method));
    if (!HttpMethods.isKnown(method)) {
      span.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
  }

  /** Writes the context into the outgoing request with every configured propagator. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    GlobalOpenTelemetry.getPropagators().getTextMapPropagator().inject(context, carrier, setter);
  }

  /** Ends the CLIENT span: 4xx and 5xx responses and exceptions are errors. */
  public void end(Context context, RESP response, Throwable error) {
    if (!recording) {
      return;
    }
    int status = response == null ? 0 : attributes.statusCode(response);
    HttpSpanEnd.end(Span.fromContext(context), status, error, 400);
  }

  private static long port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return 443;
    }
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      return 80;
    }
    return -1;
  }
}
