package dev.baton.instrumentation.api;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent's settings as instrumentation modules read them: the same keys and sources as the
 * agent's own ({@code -D} properties and agent arguments, {@code OTEL_*}/{@code BATON_*}
 * variables, the configuration file), handed over once by the agent at start-up.
 *
 * <p>Modules read what they need once, into static finals of their {@code XxxTracing} class:
 * nothing is looked up on the hot path. A wrong value is reported once, in the agent's words,
 * and the default is used.
 */
public final class InstrumentationConfig {

  private static volatile SettingReader settings = new SettingReader(key -> null, problem -> {});

  private InstrumentationConfig() {}

  /**
   * Called once by the agent before any instrumentation runs.
   *
   * @param values the trimmed, non-blank value of a key, or {@code null}
   * @param problemReporter where a line about a wrong value goes
   */
  public static void install(Function<String, String> values, Consumer<String> problemReporter) {
    settings = new SettingReader(values, problemReporter);
  }

  public static String getString(String key, String fallback) {
    return settings.getString(key, fallback);
  }

  public static boolean getBoolean(String key, boolean fallback) {
    return settings.getBoolean(key, fallback);
  }

  /** One of {@code accepted} (case-insensitive, returned lower-cased), else the fallback. */
  public static String getChoice(String key, List<String> accepted, String fallback) {
    return settings.getChoice(key, accepted, fallback);
  }

  /** A comma-separated list: entries trimmed, lower-cased, without blanks or repeats. */
  public static List<String> getList(String key, List<String> fallback) {
    return settings.getList(key, fallback);
  }
}
