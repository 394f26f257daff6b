package dev.baton.instrumentation.api.propagation;

import dev.baton.bootstrap.ForwardedHeaders;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies named headers from the inbound request to every outbound one, exactly as received: how
 * Baton forwards mesh headers such as {@code x-request-id} (which Envoy must get back unchanged:
 * it encodes its sampling decision inside), and, in forward mode, the trace headers themselves.
 *
 * <p>Values are checked ({@link HeaderValues#isAcceptable}) and dropped, never repaired. When a
 * validator is given, the headers are forwarded only if that format's own parser accepts them, so
 * an invalid {@code traceparent} is never passed on. All instances share one context entry, so
 * {@link #get} finds any forwarded header.
 */
public final class VerbatimHeaders implements TextMapPropagator {

  private final List<String> names;
  private final List<String> prefixes;
  private final TextMapPropagator validator;

  /**
   * @param names header names, case-insensitive
   * @param prefixes name prefixes whose headers are forwarded too (for example {@code uberctx-})
   * @param validator the format's propagator, or {@code null} to forward any safe value
   */
  public VerbatimHeaders(Collection<String> names, Collection<String> prefixes, TextMapPropagator validator) {
    this.names = lowerCase(names);
    this.prefixes = lowerCase(prefixes);
    this.validator = validator;
  }

  /** The forwarded value of a header in this context, or {@code null}. */
  public static String get(Context context, String name) {
    return ForwardedHeaders.get(context, name);
  }

  @Override
  public Collection<String> fields() {
    return names;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    Map<String, String> headers = ForwardedHeaders.all(context);
    if (headers == null || carrier == null) {
      return;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (isOurs(header.getKey())) {
        setter.set(carrier, header.getKey(), header.getValue());
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (carrier == null) {
      return context;
    }
    Map<String, String> captured = new LinkedHashMap<>();
    for (String name : names) {
      capture(captured, name, getter.get(carrier, name));
    }
    if (!prefixes.isEmpty()) {
      for (String key : getter.keys(carrier)) {
        String name = key.toLowerCase(Locale.ROOT);
        if (startsWithPrefix(name) && captured.size() < 64) {
          capture(captured, name, getter.get(carrier, key));
        }
      }
    }
    if (captured.isEmpty() || (validator != null && !accepted(captured))) {
      return context;
    }
    Map<String, String> existing = ForwardedHeaders.all(context);
    if (existing != null) {
      Map<String, String> merged = new LinkedHashMap<>(existing);
      merged.putAll(captured);
      captured = merged;
    }
    return ForwardedHeaders.with(context, Collections.unmodifiableMap(captured));
  }

  private static void capture(Map<String, String> captured, String name, String value) {
    if (HeaderValues.isAcceptable(name, value)) {
      captured.put(name, value);
    }
  }

  /** Whether the format's own parser finds a valid trace context or baggage in the headers. */
  private boolean accepted(Map<String, String> captured) {
    Context parsed = validator.extract(Context.root(), captured, MapGetter.INSTANCE);
    return Span.fromContext(parsed).getSpanContext().isValid()
        || !Baggage.fromContext(parsed).isEmpty();
  }

  private boolean isOurs(String name) {
    return names.contains(name) || startsWithPrefix(name);
  }

  private boolean startsWithPrefix(String name) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> lowerCase(Collection<String> values) {
    List<String> result = new ArrayList<>(values.size());
    for (String value : values) {
      result.add(value.toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public String toString() {
    return "VerbatimHeaders" + names + (prefixes.isEmpty() ? "" : " + " + prefixes + "*");
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key.toLowerCase(Locale.ROOT));
    }
  }
}
