package dev.baton.agent.tracing;

import dev.baton.instrumentation.api.propagation.HeaderValues;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
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
 *
 * <p>It is also where every header value passes {@link HeaderValues#isAcceptable} on its way in
 * and out, whatever the format: a value with a control character or over its cap is not seen by
 * any parser and never sent. OpenTelemetry's propagators check neither (Jaeger's and OT's baggage
 * headers go out with the raw inbound value), and baggage assembled from many headers
 * ({@code uberctx-*}, {@code ot-baggage-*}) is bounded to the W3C caps here. A format whose parser
 * throws on a header counts as absent; the other formats still apply.
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
    TextMapSetter<C> checked = (c, name, value) -> {
      if (HeaderValues.isValidName(name) && HeaderValues.isAcceptable(name, value)) {
        setter.set(c, name, value);
      }
    };
    for (TextMapPropagator propagator : propagators) {
      try {
        propagator.inject(context, carrier, checked);
      } catch (RuntimeException e) {
        // one format's failure must not cost the others their headers
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> unchecked) {
    TextMapGetter<C> getter = new ValueFilteringGetter<>(unchecked, HeaderValues::isAcceptable);
    SpanContext before = Span.fromContext(context).getSpanContext();
    SpanContext first = null;
    Context result = context;
    for (TextMapPropagator propagator : propagators) {
      try {
        result = propagator.extract(result, carrier, getter);
      } catch (RuntimeException e) {
        // A header its own parser chokes on counts as absent (OpenTelemetry's Jaeger propagator
        // throws on a bad percent escape in uber-trace-id): an inbound header must never make
        // the advice fail, or enough hostile requests would trip the instrumentation's error limit.
        continue;
      }
      SpanContext found = Span.fromContext(result).getSpanContext();
      if (first == null && found.isValid() && !found.equals(before)) {
        first = found;
      }
    }
    if (first != null && !Span.fromContext(result).getSpanContext().equals(first)) {
      result = result.with(Span.wrap(first));
    }
    Baggage baggage = Baggage.fromContext(result);
    if (baggage.size() > HeaderValues.BAGGAGE_MAX_ENTRIES || encodedSize(baggage) > HeaderValues.BAGGAGE_MAX_LENGTH) {
      result = result.with(bounded(baggage));
    }
    return result;
  }

  /** Roughly what the baggage takes on the wire: keys, values and separators. */
  private static int encodedSize(Baggage baggage) {
    int[] size = {0};
    baggage.forEach((key, entry) -> size[0] += key.length() + entry.getValue().length() + 2);
    return size[0];
  }

  /** The first entries that fit the W3C caps; the rest are dropped. */
  private static Baggage bounded(Baggage baggage) {
    BaggageBuilder builder = Baggage.builder();
    int[] kept = {0, 0};
    baggage.forEach((key, entry) -> {
      int size = key.length() + entry.getValue().length() + 2;
      if (kept[0] < HeaderValues.BAGGAGE_MAX_ENTRIES && kept[1] + size <= HeaderValues.BAGGAGE_MAX_LENGTH) {
        builder.put(key, entry.getValue(), entry.getMetadata());
        kept[0]++;
        kept[1] += size;
      }
    });
    return builder.build();
  }

  @Override
  public String toString() {
    return "FirstValidPropagator" + propagators;
  }
}
