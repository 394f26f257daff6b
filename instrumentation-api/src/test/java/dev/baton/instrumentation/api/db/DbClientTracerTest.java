package dev.baton.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbClientTracerTest {

  private static final DbConnectionInfo POSTGRES =
      new DbConnectionInfo("postgresql", "shop", "db.example.com", 5432);

  private static String name(String operation, String sql, DbConnectionInfo db) {
    return DbClientTracer.spanName(operation, SqlSanitizer.analyze(sql, SqlDialect.STANDARD, true), db);
  }

  @Test
  void operationAndTable() {
    assertThat(name("SELECT", "SELECT * FROM orders", POSTGRES)).isEqualTo("SELECT orders");
    assertThat(name("BATCH INSERT", "INSERT INTO orders VALUES (1)", POSTGRES))
        .isEqualTo("BATCH INSERT orders");
    assertThat(name("CALL", "CALL restock(1)", POSTGRES)).isEqualTo("CALL restock");
  }

  @Test
  void withoutATableTheOperationAlone() {
    assertThat(name("SELECT", "SELECT * FROM a JOIN b ON a.id = b.id", POSTGRES)).isEqualTo("SELECT");
  }

  @Test
  void withoutAnOperationTheDatabaseThenTheServerThenTheSystem() {
    assertThat(name(null, "WITH x AS (SELECT 1) SELECT 2", POSTGRES)).isEqualTo("shop");
    assertThat(name(null, "?", new DbConnectionInfo("postgresql", null, "db", 5433))).isEqualTo("db:5433");
    assertThat(name(null, "?", DbConnectionInfo.UNKNOWN)).isEqualTo("other_sql");
  }
}
