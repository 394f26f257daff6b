package dev.baton.agent.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Several formats at once: extraction takes the trace context from the first format (in
 * {@code otel.propagators} order) that yields a valid one, while every format still contributes
 * what else it carries (baggage, forwarded headers); injection writes every format.
 * OpenTelemetry's own composite lets the last valid format win instead.
 */
final class FirstValidPropagator implements TextMapPropagator {

  private final List<TextMapPropagator> propagators;
  private final Collection<String> fields;

  FirstValidPropagator(List<TextMapPropagator> propagators) {
    this.propagators = new ArrayList<>(propagators);
    LinkedHashSet<String> all = new LinkedHashSet<>();
    for (TextMapPropagator propagator : propagators) {
      all.addAll(propagator.fields());
    }
    this.fields = List.copyOf(all);
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    for (TextMapPropagator propagator : propagators) {
      propagator.inject(context, carrier, setter);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    SpanContext before = Span.fromContext(context).getSpanContext();
    SpanContext first = null;
    Context result = context;
    for (TextMapPropagator propagator : propagators) {
      result = propagator.extract(result, carrier, getter);
      SpanContext found = Span.fromContext(result).getSpanContext();
      if (first == null && found.isValid() && !found.equals(before)) {
        first = found;
      }
    }
    if (first != null && !Span.fromContext(result).getSpanContext().equals(first)) {
      result = result.with(Span.wrap(first));
    }
    return result;
  }

  @Override
  public String toString() {
    return "FirstValidPropagator" + propagators;
  }
}
