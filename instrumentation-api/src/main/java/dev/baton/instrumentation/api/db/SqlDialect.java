package dev.baton.instrumentation.api.db;

/** What the SQL sanitizer must know about a database's lexical rules. */
public enum SqlDialect {
  /** ANSI quoting: {@code "..."} is an identifier; PostgreSQL's {@code $tag$...$tag$} strings. */
  STANDARD,
  /**
   * MySQL and MariaDB: {@code "..."} is a string (unless the server runs with ANSI_QUOTES, in
   * which case replacing it only hides an identifier), backslash escapes in strings, {@code #}
   * comments.
   */
  MYSQL;

  static SqlDialect of(String dbSystem) {
    return "mysql".equals(dbSystem) || "mariadb".equals(dbSystem) ? MYSQL : STANDARD;
  }
}
