package dev.baton.agent.tracing;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import io.opentelemetry.extension.trace.propagation.OtTracePropagator;
import java.util.List;
import java.util.Locale;

/**
 * The propagation formats {@code otel.propagators} accepts: the propagator that parses and writes
 * each, and the headers it owns (what forward mode copies verbatim, and what forward-headers may
 * not claim).
 */
public enum PropagationFormat {
  TRACECONTEXT(W3CTraceContextPropagator.getInstance(), List.of("traceparent", "tracestate"), List.of()),
  BAGGAGE(W3CBaggagePropagator.getInstance(), List.of("baggage"), List.of()),
  B3(new StrictB3Propagator(B3Propagator.injectingSingleHeader()), List.of("b3"), List.of()),
  B3MULTI(new StrictB3Propagator(B3Propagator.injectingMultiHeaders()),
      List.of("x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags"), List.of()),
  JAEGER(JaegerPropagator.getInstance(), List.of("uber-trace-id"), List.of("uberctx-")),
  OTTRACE(OtTracePropagator.getInstance(),
      List.of("ot-tracer-traceid", "ot-tracer-spanid", "ot-tracer-sampled"), List.of("ot-baggage-")),
  XRAY(AwsXrayPropagator.getInstance(), List.of("x-amzn-trace-id"), List.of());

  private final TextMapPropagator propagator;
  private final List<String> headers;
  private final List<String> headerPrefixes;

  PropagationFormat(TextMapPropagator propagator, List<String> headers, List<String> headerPrefixes) {
    this.propagator = propagator;
    this.headers = headers;
    this.headerPrefixes = headerPrefixes;
  }

  /** The name used in {@code otel.propagators}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PropagationFormat byConfigName(String name) {
    for (PropagationFormat format : values()) {
      if (format.configName().equals(name)) {
        return format;
      }
    }
    return null;
  }

  public TextMapPropagator propagator() {
    return propagator;
  }

  public List<String> headers() {
    return headers;
  }

  public List<String> headerPrefixes() {
    return headerPrefixes;
  }

  /** Whether this format reads or writes the header. */
  public boolean owns(String header) {
    String name = header.toLowerCase(Locale.ROOT);
    if (headers.contains(name)) {
      return true;
    }
    for (String prefix : headerPrefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
