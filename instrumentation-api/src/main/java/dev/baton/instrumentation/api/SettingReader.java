package dev.baton.instrumentation.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads typed settings from raw values, the one place that parses a boolean, a choice or a list
 * and words the line for a wrong value ({@code key=value is not valid; accepted: ...; using ...}).
 * The agent reads its own settings with one, and hands one to the modules through
 * {@link InstrumentationConfig}.
 */
public final class SettingReader {

  private final Function<String, String> values;
  private final Consumer<String> problems;

  /**
   * @param values the trimmed, non-blank value of a key, or {@code null}
   * @param problems where a line about a wrong value goes
   */
  public SettingReader(Function<String, String> values, Consumer<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  /** The raw value, or {@code null}. */
  public String get(String key) {
    return values.apply(key);
  }

  public String getString(String key, String fallback) {
    String value = values.apply(key);
    return value == null ? fallback : value;
  }

  /** Reports a wrong value: one line naming the key, the value, what is accepted and the fallback. */
  public void invalid(String key, String value, String accepted, Object fallback) {
    problems.accept(key + "=" + value + " is not valid; accepted: " + accepted + "; using " + fallback);
  }

  public boolean getBoolean(String key, boolean fallback) {
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
    invalid(key, value, "true, false", fallback);
    return fallback;
  }

  /** One of {@code accepted} (case-insensitive, returned lower-cased), else the fallback. */
  public String getChoice(String key, List<String> accepted, String fallback) {
    String value = values.apply(key);
    if (value == null) {
      return fallback;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (accepted.contains(lower)) {
      return lower;
    }
    invalid(key, value, String.join(", ", accepted), fallback);
    return fallback;
  }

  /** A comma-separated list: entries trimmed, lower-cased, without blanks or repeats. */
  public List<String> getList(String key, List<String> fallback) {
    String value = values.apply(key);
    if (value == null) {
      return fallback;
    }
    List<String> result = new ArrayList<>();
    for (String entry : value.split(",")) {
      String item = entry.trim().toLowerCase(Locale.ROOT);
      if (!item.isEmpty() && !result.contains(item)) {
        result.add(item);
      }
    }
    return Collections.unmodifiableList(result);
  }
}
