package dev.baton.agent.tracing;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.function.BiPredicate;

/**
 * Shows a parser only the header values that pass a check (key, value); the others read as
 * absent. How the propagators keep unsafe or malformed values away from the formats' parsers.
 */
final class ValueFilteringGetter<C> implements TextMapGetter<C> {
  private final TextMapGetter<C> getter;
  private final BiPredicate<String, String> accepted;

  ValueFilteringGetter(TextMapGetter<C> getter, BiPredicate<String, String> accepted) {
    this.getter = getter;
    this.accepted = accepted;
  }

  @Override
  public Iterable<String> keys(C carrier) {
    return getter.keys(carrier);
  }

  @Override
  public String get(C carrier, String key) {
    String value = getter.get(carrier, key);
    return value != null && accepted.test(key, value) ? value : null;
  }
}
