package dev.baton.instrumentation.api.http;

import dev.baton.instrumentation.api.gaps.TraceGaps;
import static dev.baton.instrumentation.api.http.SemanticAttributes.*;

import dev.baton.instrumentation.api.SpanRecording;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Server-side HTTP semantics, shared by every servlet container: extracts the incoming context,
 * names the SERVER span and fills the stable HTTP attributes. A container module supplies only a
 * header getter and an attributes getter.
 */
public final class HttpServerTracer<REQ, RESP> {

  private final Tracer tracer;
  private final HttpServerAttributesGetter<REQ, RESP> attributes;
  private final TextMapGetter<REQ> headers;
  private final boolean recording;

  public HttpServerTracer(
      String instrumentationName,
      HttpServerAttributesGetter<REQ, RESP> attributes,
      TextMapGetter<REQ> headers) {
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
    this.attributes = attributes;
    this.headers = headers;
    this.recording = SpanRecording.isOn();
  }

  /**
   * Starts the SERVER span; the returned context holds it and whatever was extracted. A request's
   * trace comes from what arrived with it, never from whatever the thread happens to carry.
   */
  public Context start(REQ request) {
    Context extracted = GlobalOpenTelemetry.getPropagators()
        .getTextMapPropagator()
        .extract(Context.root(), request, headers);
    if (!recording) {
      return extracted;
    }
    String method = attributes.method(request);
    String route = attributes.route(request);
    String path = attributes.path(request);
    SpanBuilder builder =
        tracer
            .spanBuilder(HttpMethods.spanName(method, route != null ? route : path))
            .setSpanKind(SpanKind.SERVER)
            .setParent(extracted)
            .setAttribute(HTTP_REQUEST_METHOD, HttpMethods.normalize(method))
            .setAttribute(URL_SCHEME, attributes.scheme(request))
            .setAttribute(URL_PATH, path);
    if (!HttpMethods.isKnown(method)) {
      builder.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    String query = attributes.query(request);
    if (query != null && !query.isEmpty()) {
      builder.setAttribute(URL_QUERY, UrlRedaction.redactQuery(query));
    }
    if (route != null) {
      builder.setAttribute(HTTP_ROUTE, route);
    }
    setIfPresent(builder, SERVER_ADDRESS, attributes.serverAddress(request));
    int port = attributes.serverPort(request);
    if (port > 0) {
      builder.setAttribute(SERVER_PORT, (long) port);
    }
    setIfPresent(builder, CLIENT_ADDRESS, attributes.clientAddress(request));
    setIfPresent(builder, USER_AGENT_ORIGINAL, attributes.header(request, "user-agent"));
    setIfPresent(builder, NETWORK_PROTOCOL_VERSION, attributes.protocolVersion(request));
    Context context = extracted.with(builder.startSpan());
    TraceGaps.serverStarted();
    return context;
  }

  /**
   * Names the SERVER span after the route a framework matched inside the servlet (Spring MVC's
   * handler pattern), which says more than the servlet mapping ({@code GET /orders/{id}} rather
   * than {@code GET /*}), as OpenTelemetry's agent names it.
   *
   * @param frameworkPattern the pattern the framework left in the request, or {@code null}
   */
  public void refineRoute(Context context, REQ request, Object frameworkPattern) {
    if (!recording || frameworkPattern == null) {
      return;
    }
    String route = HttpRoutes.withinServlet(attributes.route(request), frameworkPattern.toString());
    if (route != null) {
      Span span = Span.fromContext(context);
      span.updateName(HttpMethods.spanName(attributes.method(request), route));
      span.setAttribute(HTTP_ROUTE, route);
    }
  }

  /**
   * Ends the SERVER span. A 5xx status or an exception marks it as an error; 4xx does not, as
   * the server did what it should.
   */
  public void end(Context context, RESP response, Throwable error) {
    if (!recording) {
      return;
    }
    int status = response == null ? 0 : attributes.statusCode(response);
    if (error != null && status < 500) {
      // the container will turn an escaping exception into a 500
      status = 500;
    }
    HttpSpanEnd.end(Span.fromContext(context), status, error, 500);
    TraceGaps.serverEnded();
  }

  private static void setIfPresent(
      SpanBuilder builder, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.setAttribute(key, value);
    }
  }
}
