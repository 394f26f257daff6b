package dev.baton.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlSanitizerTest {

  private static String sanitized(String sql) {
    return SqlSanitizer.analyze(sql, SqlDialect.STANDARD, true).text();
  }

  private static String mysql(String sql) {
    return SqlSanitizer.analyze(sql, SqlDialect.MYSQL, true).text();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SELECT * FROM t WHERE name = 'secret' | SELECT * FROM t WHERE name = ?",
      "SELECT * FROM t WHERE a = 'it''s' AND b = 12 | SELECT * FROM t WHERE a = ? AND b = ?",
      "SELECT 3.14, .5, 1e10, 2E-3, 0xFF, 1_000 | SELECT ?, ?, ?, ?, ?, ?",
      "SELECT N'x', X'0A', B'101', E'a\\'b', U&'d' | SELECT ?, ?, ?, ?, ?",
      "SELECT * FROM t WHERE ok = TRUE OR ok = false | SELECT * FROM t WHERE ok = ? OR ok = ?",
      "SELECT $$secret$$, $tag$a $$ b$tag$ | SELECT ?, ?",
      "SELECT * FROM t WHERE id = $1 AND x = ? AND y = :name | SELECT * FROM t WHERE id = $1 AND x = ? AND y = :name",
      "SELECT a$b FROM t2 | SELECT a$b FROM t2",
      "SELECT \"Secret Column\" FROM \"public\".\"t\" | SELECT \"Secret Column\" FROM \"public\".\"t\"",
      "SELECT DATE '2024-01-01', INTERVAL '1 day' | SELECT DATE ?, INTERVAL ?",
      "SELECT -5 | SELECT -?",
      "SELECT t.* FROM t | SELECT t.* FROM t",
      "SELECT x::int FROM t | SELECT x::int FROM t"})
  void literalsBecomePlaceholders(String sql, String expected) {
    assertThat(sanitized(sql)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SELECT * FROM t WHERE id IN (1, 2, 3) | SELECT * FROM t WHERE id IN (?)",
      "SELECT * FROM t WHERE id in ('a','b') AND x NOT IN (?, ?) | SELECT * FROM t WHERE id in (?) AND x NOT IN (?)",
      "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = 1) | SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)",
      "SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4)) | SELECT * FROM t WHERE (a, b) IN ((?, ?), (?, ?))",
      "SELECT * FROM t WHERE id IN ($1, $2) | SELECT * FROM t WHERE id IN ($1, $2)"})
  void inListsCollapse(String sql, String expected) {
    assertThat(sanitized(sql)).isEqualTo(expected);
  }

  @Test
  void commentsAndWhiteSpaceAreRemoved() {
    assertThat(sanitized("SELECT a -- the secret is 42\n  FROM /* password: hunter2 */ t\n\tWHERE b = 1"))
        .isEqualTo("SELECT a FROM t WHERE b = ?");
    assertThat(sanitized("SELECT /* outer /* nested 1 */ still comment 2 */ a FROM t"))
        .isEqualTo("SELECT a FROM t");
    assertThat(mysql("SELECT a # mysql comment 'x'\nFROM t")).isEqualTo("SELECT a FROM t");
  }

  @Test
  void mysqlQuotingRules() {
    assertThat(mysql("SELECT * FROM `t` WHERE a = \"secret\" AND b = 'it\\'s' AND c = 1"))
        .isEqualTo("SELECT * FROM `t` WHERE a = ? AND b = ? AND c = ?");
    // backslashes are not escapes in standard SQL: the string ends at the second quote
    assertThat(sanitized("SELECT 'a\\' , b FROM t")).isEqualTo("SELECT ? , b FROM t");
    // no dollar quoting in MySQL
    assertThat(mysql("SELECT $a$ FROM t")).isEqualTo("SELECT $a$ FROM t");
  }

  @Test
  void unterminatedLiteralsAndCommentsExportNothingOfTheRest() {
    assertThat(sanitized("SELECT * FROM t WHERE a = 'secret")).isEqualTo("SELECT * FROM t WHERE a = ?");
    assertThat(sanitized("SELECT $q$ secret")).isEqualTo("SELECT ?");
    assertThat(sanitized("SELECT a /* secret")).isEqualTo("SELECT a");
  }

  @Test
  void longTextsAreCut() {
    String sql = "SELECT " + "column_name, ".repeat(1000) + "x FROM t WHERE a = 'secret'";
    String text = sanitized(sql);
    assertThat(text).hasSize(SqlSanitizer.MAX_TEXT_LENGTH).startsWith("SELECT column_name, ");
    assertThat(SqlSanitizer.analyze(sql, SqlDialect.STANDARD, false).text())
        .hasSize(SqlSanitizer.MAX_TEXT_LENGTH);
  }

  @Test
  void aLongLiteralIsNeverCutIntoTheText() {
    String sql = "SELECT '" + "x".repeat(10_000) + "' FROM t";
    assertThat(sanitized(sql)).isEqualTo("SELECT ? FROM t");
  }

  @Test
  void rawTextWhenSanitizationIsOff() {
    SqlQuery query = SqlSanitizer.analyze("SELECT * FROM t WHERE a = 'x'", SqlDialect.STANDARD, false);
    assertThat(query.text()).isEqualTo("SELECT * FROM t WHERE a = 'x'");
    assertThat(query.operation()).isEqualTo("SELECT");
    assertThat(query.collection()).isEqualTo("t");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '~', value = {
      "SELECT * FROM orders WHERE id = 1 | SELECT | orders",
      "select count(*) from public.orders o where o.id > 3 | select | public.orders",
      "SELECT EXTRACT(YEAR FROM d) FROM orders | SELECT | orders",
      "SELECT * FROM \"Orders\" | SELECT | \"Orders\"",
      "SELECT * FROM orders o JOIN customers c ON o.c = c.id | SELECT | -",
      "SELECT * FROM orders, customers | SELECT | -",
      "SELECT * FROM orders AS o, customers c | SELECT | -",
      "SELECT * FROM orders ORDER BY a, b | SELECT | orders",
      "SELECT * FROM (SELECT * FROM orders) t | SELECT | -",
      "SELECT * FROM orders WHERE id IN (SELECT id FROM archive) | SELECT | -",
      "SELECT a FROM orders UNION SELECT a FROM archive | SELECT | -",
      "SELECT 1 | SELECT | -",
      "INSERT INTO orders (id, item) VALUES (1, 'a'), (2, 'b') | INSERT | orders",
      "INSERT orders VALUES (1) | INSERT | orders",
      "INSERT INTO archive SELECT * FROM orders | INSERT | -",
      "UPDATE orders SET item = 'x', qty = 2 WHERE id = 1 | UPDATE | orders",
      "UPDATE orders SET a = b.a FROM other b | UPDATE | -",
      "DELETE FROM orders WHERE id = 1 | DELETE | orders",
      "MERGE INTO orders USING incoming ON (1 = 1) | MERGE | -",
      "CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, item VARCHAR(20)) | CREATE TABLE | orders",
      "DROP TABLE IF EXISTS orders | DROP TABLE | orders",
      "ALTER TABLE orders ADD COLUMN x INT | ALTER TABLE | orders",
      "CREATE INDEX idx ON orders (a) | CREATE | -",
      "TRUNCATE TABLE orders | TRUNCATE | orders",
      "WITH x AS (SELECT 1) SELECT * FROM x | - | -",
      "COMMIT | COMMIT | -",
      "  /* leading */ SELECT a FROM t | SELECT | t",
      "frobnicate the database | - | -"})
  void operationAndCollection(String sql, String operation, String collection) {
    SqlQuery query = SqlSanitizer.analyze(sql, SqlDialect.STANDARD, true);
    assertThat(query.operation()).as("operation of %s", sql).isEqualTo(operation);
    assertThat(query.collection()).as("collection of %s", sql).isEqualTo(collection);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{call update_stock(?, ?)} | call | update_stock",
      "{? = call abs(?)} | call | abs",
      "CALL inventory.restock(5) | CALL | inventory.restock",
      "EXEC dbo.report | EXEC | dbo.report"})
  void storedProcedures(String sql, String operation, String procedure) {
    SqlQuery query = SqlSanitizer.analyze(sql, SqlDialect.STANDARD, true);
    assertThat(query.operation()).isEqualTo(operation);
    assertThat(query.storedProcedure()).isEqualTo(procedure);
    assertThat(query.collection()).isNull();
  }

  @Test
  void batchesShareWhatTheirQueriesShare() {
    SqlQuery a = SqlSanitizer.analyze("INSERT INTO t VALUES (1)", SqlDialect.STANDARD, true);
    SqlQuery b = SqlSanitizer.analyze("INSERT INTO t VALUES (2)", SqlDialect.STANDARD, true);
    SqlQuery c = SqlSanitizer.analyze("DELETE FROM t WHERE x = 3", SqlDialect.STANDARD, true);
    SqlQuery same = SqlQuery.ofBatch(java.util.List.of(a, b));
    assertThat(same.text()).isEqualTo("INSERT INTO t VALUES (?)");
    assertThat(same.operation()).isEqualTo("INSERT");
    assertThat(same.collection()).isEqualTo("t");
    SqlQuery mixed = SqlQuery.ofBatch(java.util.List.of(a, c));
    assertThat(mixed.text()).isEqualTo("INSERT INTO t VALUES (?); DELETE FROM t WHERE x = ?");
    assertThat(mixed.operation()).isNull();
    assertThat(mixed.collection()).isEqualTo("t");
  }
}
