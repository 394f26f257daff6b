package dev.baton.instrumentation.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent's settings as instrumentation modules read them: the same keys and sources as the
 * agent's own ({@code -D} properties and agent arguments, {@code OTEL_*}/{@code BATON_*}
 * variables, the configuration file), handed over once by the agent at start-up.
 *
 * <p>Modules read what they need once, into static finals of their {@code XxxTracing} class:
 * nothing is looked up on the hot path. A wrong value is reported once, in the agent's words
 * ("key=value is not valid; accepted: ...; using ..."), and the default is used.
 */
public final class InstrumentationConfig {

  private static volatile Function<String, String> values = key -> null;
  private static volatile Consumer<String> problems = problem -> {};

  private InstrumentationConfig() {}

  /**
   * Called once by the agent before any instrumentation runs.
   *
   * @param values the trimmed, non-blank value of a key, or {@code null}
   * @param problemReporter where a line about a wrong value goes
   */
  public static void install(Function<String, String> values, Consumer<String> problemReporter) {
    InstrumentationConfig.values = values;
    InstrumentationConfig.problems = problemReporter;
  }

  public static String getString(String key, String fallback) {
    String value = values.apply(key);
    return value == null ? fallback : value;
  }

  public static boolean getBoolean(String key, boolean fallback) {
    String value = values.apply(key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    problems.accept(key + "=" + value + " is not valid; accepted: true, false; using " + fallback);
    return fallback;
  }

  /** One of {@code accepted} (case-insensitive, returned lower-cased), else the fallback. */
  public static String getChoice(String key, List<String> accepted, String fallback) {
    String value = values.apply(key);
    if (value == null) {
      return fallback;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (accepted.contains(lower)) {
      return lower;
    }
    problems.accept(key + "=" + value + " is not valid; accepted: " + String.join(", ", accepted)
        + "; using " + fallback);
    return fallback;
  }

  /** A comma-separated list, entries trimmed and lower-cased, empty entries dropped. */
  public static List<String> getList(String key, List<String> fallback) {
    String value = values.apply(key);
    if (value == null) {
      return fallback;
    }
    List<String> result = new ArrayList<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        result.add(trimmed.toLowerCase(Locale.ROOT));
      }
    }
    return Collections.unmodifiableList(result);
  }
}
