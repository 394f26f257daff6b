package dev.baton.instrumentation.api.db;

import java.util.List;
import java.util.Objects;

/**
 * One SQL text as a database span reports it: the (sanitized) text and what was read from it.
 * Immutable, so it is worked out once per prepared statement and cached for repeated texts.
 */
public final class SqlQuery {

  private final String text;
  private final String operation;
  private final String collection;
  private final String storedProcedure;

  /**
   * @param text the text to export ({@code db.query.text}), sanitized unless configured otherwise
   * @param operation the first operation, as written ({@code SELECT}), or {@code null}
   * @param collection the one table the query works on, or {@code null} when it touches none,
   *     several, or one that cannot be told
   * @param storedProcedure the procedure a {@code CALL} runs, or {@code null}
   */
  public SqlQuery(String text, String operation, String collection, String storedProcedure) {
    this.text = text;
    this.operation = operation;
    this.collection = collection;
    this.storedProcedure = storedProcedure;
  }

  public String text() {
    return text;
  }

  public String operation() {
    return operation;
  }

  public String collection() {
    return collection;
  }

  public String storedProcedure() {
    return storedProcedure;
  }

  /**
   * The queries of one batch as one: their common operation and collection, if they share
   * them, and their texts (the one text if all are the same, otherwise all joined with
   * {@code "; "}, bounded like any query text).
   */
  public static SqlQuery ofBatch(List<SqlQuery> queries) {
    if (queries.isEmpty()) {
      return new SqlQuery(null, null, null, null);
    }
    SqlQuery first = queries.get(0);
    String operation = first.operation;
    String collection = first.collection;
    boolean sameText = true;
    for (SqlQuery query : queries) {
      operation = Objects.equals(operation, query.operation) ? operation : null;
      collection = Objects.equals(collection, query.collection) ? collection : null;
      sameText &= Objects.equals(first.text, query.text);
    }
    if (sameText) {
      return new SqlQuery(first.text, operation, collection, null);
    }
    StringBuilder text = new StringBuilder();
    for (SqlQuery query : queries) {
      if (text.length() >= SqlSanitizer.MAX_TEXT_LENGTH) {
        break;
      }
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(query.text);
    }
    text.setLength(Math.min(text.length(), SqlSanitizer.MAX_TEXT_LENGTH));
    return new SqlQuery(text.toString(), operation, collection, null);
  }

  @Override
  public String toString() {
    return "SqlQuery{" + operation + " " + collection + ": " + text + "}";
  }
}
