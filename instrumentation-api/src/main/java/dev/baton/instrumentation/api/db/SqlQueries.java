package dev.baton.instrumentation.api.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Analyzed SQL texts by text, so that a statement an application runs again and again is read
 * once. Bounded: when full it is emptied (no locks, no eviction order to maintain), and very long
 * texts, usually unique, are not kept.
 */
public final class SqlQueries {

  private static final int MAX_ENTRIES = 1000;
  private static final int MAX_CACHED_LENGTH = 16 * 1024;

  private final boolean sanitize;
  private final Map<String, SqlQuery> standard = new ConcurrentHashMap<>();
  private final Map<String, SqlQuery> mysql = new ConcurrentHashMap<>();

  /** @param sanitize whether exported texts have their literals replaced */
  public SqlQueries(boolean sanitize) {
    this.sanitize = sanitize;
  }

  public SqlQuery get(String sql, SqlDialect dialect) {
    Map<String, SqlQuery> cache = dialect == SqlDialect.MYSQL ? mysql : standard;
    SqlQuery query = cache.get(sql);
    if (query == null) {
      query = SqlSanitizer.analyze(sql, dialect, sanitize);
      if (sql.length() <= MAX_CACHED_LENGTH) {
        if (cache.size() >= MAX_ENTRIES) {
          cache.clear();
        }
        cache.put(sql, query);
      }
    }
    return query;
  }
}
