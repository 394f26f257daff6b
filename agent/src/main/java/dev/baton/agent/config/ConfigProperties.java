package dev.baton.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Raw configuration as OpenTelemetry's agent reads it: {@code -D} system properties first, then
 * {@code OTEL_*}/{@code BATON_*} environment variables, then the optional properties file named by
 * {@code otel.javaagent.configuration-file}. Keys are normalized (lower case, {@code -} and
 * {@code _} read as {@code .}) so {@code OTEL_TRACES_EXPORTER} and {@code otel.traces.exporter}
 * are the same key. Read once at start-up.
 */
public final class ConfigProperties {

  static final String CONFIGURATION_FILE = "otel.javaagent.configuration-file";

  private final Map<String, String> values;
  private final List<String> problems;

  private ConfigProperties(Map<String, String> values, List<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  /**
   * @param agentArgs the text after {@code -javaagent:baton-agent.jar=} or given to {@code attach}:
   *     {@code key=value} pairs separated by {@code ;}, read like system properties
   */
  public static ConfigProperties fromEnvironment(String agentArgs) {
    Properties system = new Properties();
    system.putAll(System.getProperties());
    if (agentArgs != null) {
      for (String pair : agentArgs.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          system.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return create(system, System.getenv());
  }

  static ConfigProperties create(Properties systemProperties, Map<String, String> environment) {
    Map<String, String> fromSystem = new HashMap<>();
    for (String name : systemProperties.stringPropertyNames()) {
      if (name.startsWith("otel.") || name.startsWith("baton.")) {
        fromSystem.put(normalize(name), systemProperties.getProperty(name));
      }
    }
    Map<String, String> fromEnvironment = new HashMap<>();
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("OTEL_") || name.startsWith("BATON_")) {
        fromEnvironment.put(normalize(name), entry.getValue());
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> merged = new HashMap<>();
    String file = firstNonBlank(fromSystem.get(normalize(CONFIGURATION_FILE)),
        fromEnvironment.get(normalize(CONFIGURATION_FILE)));
    if (file != null) {
      merged.putAll(readFile(file, problems));
    }
    merged.putAll(fromEnvironment);
    merged.putAll(fromSystem);
    return new ConfigProperties(Collections.unmodifiableMap(merged), problems);
  }

  /** Properties as if given with -D, and no environment; for tests in other packages. */
  public static ConfigProperties forTest(Properties systemProperties) {
    return create(systemProperties, Map.of());
  }

  /** Builds properties from explicit pairs; for tests. */
  static ConfigProperties of(Map<String, String> pairs) {
    Map<String, String> normalized = new HashMap<>();
    pairs.forEach((k, v) -> normalized.put(normalize(k), v));
    return new ConfigProperties(normalized, new ArrayList<>());
  }

  static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  /** The trimmed value, or {@code null} when absent or blank. */
  public String get(String key) {
    String value = values.get(normalize(key));
    if (value == null) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  /** Keys present under a prefix, normalized; for settings such as per-module switches. */
  public Map<String, String> withPrefix(String prefix) {
    String normalizedPrefix = normalize(prefix);
    Map<String, String> result = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(normalizedPrefix)) {
        result.put(k, v);
      }
    });
    return result;
  }

  /** Problems met while reading (an unreadable configuration file), one line each. */
  public List<String> problems() {
    return problems;
  }

  private static Map<String, String> readFile(String file, List<String> problems) {
    Map<String, String> result = new HashMap<>();
    Path path = Paths.get(file);
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(path)) {
      properties.load(in);
    } catch (IOException | RuntimeException e) {
      problems.add(CONFIGURATION_FILE + "=" + file + " cannot be read (" + e + "); it is ignored");
      return result;
    }
    for (String name : properties.stringPropertyNames()) {
      result.put(normalize(name), properties.getProperty(name));
    }
    return result;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.trim().isEmpty()) {
      return a.trim();
    }
    return b != null && !b.trim().isEmpty() ? b.trim() : null;
  }
}
