package dev.baton.instrumentation.api.db;

import static dev.baton.instrumentation.api.InstrumentationConfig.getBoolean;

/**
 * The database settings OpenTelemetry's agent defines, with its names: a per-instrumentation key
 * that overrides a common one, and the names it used before (still accepted, as a user switching
 * agents may have them). Read once, when an instrumentation's tracing class is set up.
 */
public final class DbSettings {

  private DbSettings() {}

  /**
   * Whether literals are replaced in {@code db.query.text} (default true):
   * {@code otel.instrumentation.<name>.query-sanitization.enabled}, then
   * {@code otel.instrumentation.common.db.query-sanitization.enabled}.
   */
  public static boolean querySanitization(String instrumentation) {
    boolean common = getBoolean("otel.instrumentation.common.db.query-sanitization.enabled",
        getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true));
    return getBoolean("otel.instrumentation." + instrumentation + ".query-sanitization.enabled",
        getBoolean("otel.instrumentation." + instrumentation + ".statement-sanitizer.enabled", common));
  }

  /**
   * Whether the trace context is appended to the SQL sent (default false):
   * {@code otel.instrumentation.<name>.experimental.sqlcommenter.enabled}, then
   * {@code otel.instrumentation.common.db.experimental.sqlcommenter.enabled}.
   */
  public static boolean sqlCommenter(String instrumentation) {
    boolean common = getBoolean("otel.instrumentation.common.db.experimental.sqlcommenter.enabled",
        getBoolean("otel.instrumentation.common.experimental.db-sqlcommenter.enabled", false));
    return getBoolean(
        "otel.instrumentation." + instrumentation + ".experimental.sqlcommenter.enabled", common);
  }
}
