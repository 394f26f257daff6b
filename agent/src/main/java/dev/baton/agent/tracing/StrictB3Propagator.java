package dev.baton.agent.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OpenTelemetry's B3 propagator, fed only header values that follow the B3 specification: 64- or
 * 128-bit lower-case hex trace ids, 64-bit span ids, sampling state {@code 0}, {@code 1} or
 * {@code d}, debug flag {@code 1}. Its own parser reads any unknown sampling value as "not
 * sampled" and lets the header through; here such a header counts as absent.
 */
final class StrictB3Propagator implements TextMapPropagator {

  private static final Pattern SINGLE = Pattern.compile(
      "([0-9a-f]{16}|[0-9a-f]{32})-[0-9a-f]{16}(-[01d](-[0-9a-f]{16})?)?|[01d]");
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SAMPLED = Pattern.compile("[01]|true|false");

  private final TextMapPropagator delegate;

  StrictB3Propagator(TextMapPropagator delegate) {
    this.delegate = delegate;
  }

  @Override
  public Collection<String> fields() {
    return delegate.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    delegate.inject(context, carrier, setter);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    return delegate.extract(context, carrier, new ValueFilteringGetter<>(getter, (key, value) -> isValid(key, value.trim())));
  }

  static boolean isValid(String header, String value) {
    switch (header.toLowerCase(Locale.ROOT)) {
      case "b3":
        return SINGLE.matcher(value).matches();
      case "x-b3-traceid":
        return TRACE_ID.matcher(value).matches();
      case "x-b3-spanid":
      case "x-b3-parentspanid":
        return SPAN_ID.matcher(value).matches();
      case "x-b3-sampled":
        return SAMPLED.matcher(value).matches();
      case "x-b3-flags":
        return value.equals("1");
      default:
        return true;
    }
  }
}
