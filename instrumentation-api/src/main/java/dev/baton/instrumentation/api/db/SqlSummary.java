package dev.baton.instrumentation.api.db;

import java.util.Locale;
import java.util.Set;

/**
 * Reads the operation and the table from the tokens of one SQL text, as the sanitizer meets them.
 *
 * <p>The operation is the first word when it is a SQL command, as written ({@code select} stays
 * lower case, as the conventions ask). The table is reported only when the query works on exactly
 * one: a join, a second table in a {@code FROM} list, a sub-query, {@code UNION} or
 * {@code INSERT ... SELECT} leave it out, as does a derived table.
 */
final class SqlSummary {

  private static final Set<String> OTHER_COMMANDS = Set.of("BEGIN", "COMMIT", "ROLLBACK",
      "SAVEPOINT", "RELEASE", "START", "SET", "SHOW", "USE", "GRANT", "REVOKE", "EXPLAIN", "ANALYZE",
      "VACUUM", "LOCK", "VALUES", "DECLARE", "PREPARE", "DEALLOCATE", "COPY", "LOAD", "DO",
      "REFRESH", "COMMENT", "RENAME", "DESCRIBE", "DESC", "UPSERT");
  /** Keywords that end a list of tables: a comma after them is not another table. */
  private static final Set<String> CLAUSES = Set.of("WHERE", "SET", "VALUES", "ON", "ORDER", "GROUP",
      "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR", "RETURNING", "WINDOW", "SELECT", "DEFAULT");

  private enum Expect { NOTHING, TABLE, INTO_OR_TABLE, FROM_OR_TABLE, OBJECT_KIND, IF_OR_TABLE,
    TABLE_KEYWORD_OR_TABLE, PROCEDURE }

  private String operation;
  private String collection;
  private String procedure;
  private boolean severalTables;
  private int names;
  private int depth;
  private Expect expect = Expect.NOTHING;
  private boolean inTableList;

  String operation() {
    return operation;
  }

  String collection() {
    return severalTables ? null : collection;
  }

  String procedure() {
    return procedure;
  }

  void onName(String name) {
    if (++names == 1) {
      first(name);
      return;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    switch (expect) {
      case OBJECT_KIND:
        expect = Expect.NOTHING;
        if (upper.equals("TABLE")) {
          operation = operation + ' ' + name;
          expect = Expect.IF_OR_TABLE;
        }
        return;
      case IF_OR_TABLE:
        if (upper.equals("IF") || upper.equals("NOT") || upper.equals("EXISTS")) {
          return;
        }
        table(name);
        return;
      case INTO_OR_TABLE:
        if (upper.equals("INTO")) {
          expect = Expect.TABLE;
        } else {
          table(name);
        }
        return;
      case FROM_OR_TABLE:
        if (upper.equals("FROM")) {
          expect = Expect.TABLE;
        } else {
          table(name);
        }
        return;
      case TABLE_KEYWORD_OR_TABLE:
        if (upper.equals("TABLE")) {
          expect = Expect.TABLE;
        } else {
          table(name);
        }
        return;
      case TABLE:
        table(name);
        return;
      case PROCEDURE:
        expect = Expect.NOTHING;
        procedure = name;
        return;
      default:
        break;
    }
    if (upper.equals("FROM") && depth == 0) {
      expect = Expect.TABLE;
      inTableList = false;
    } else if (upper.equals("JOIN") || upper.equals("USING") || upper.equals("UNION")
        || upper.equals("INTERSECT") || upper.equals("EXCEPT") || upper.equals("SELECT")) {
      // another table, a sub-query or a second query
      severalTables = true;
    }
    if (CLAUSES.contains(upper)) {
      inTableList = false;
    }
  }

  void onValue() {
    if (expect != Expect.NOTHING && expect != Expect.PROCEDURE) {
      expect = Expect.NOTHING;
    }
  }

  void onPunctuation(char c) {
    if (c == '(') {
      if (expect == Expect.TABLE) {
        severalTables = true; // FROM (SELECT ...): a derived table has no name of its own
        expect = Expect.NOTHING;
      }
      depth++;
    } else if (c == ')') {
      depth--;
    } else if (c == ',' && depth == 0 && inTableList) {
      severalTables = true;
    }
  }

  private void first(String name) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "SELECT":
        operation = name;
        break;
      case "INSERT":
      case "REPLACE":
      case "MERGE":
        operation = name;
        expect = Expect.INTO_OR_TABLE;
        break;
      case "UPDATE":
        operation = name;
        expect = Expect.TABLE;
        break;
      case "DELETE":
        operation = name;
        expect = Expect.FROM_OR_TABLE;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
        operation = name;
        expect = Expect.OBJECT_KIND;
        break;
      case "TRUNCATE":
        operation = name;
        expect = Expect.TABLE_KEYWORD_OR_TABLE;
        break;
      case "CALL":
      case "EXEC":
      case "EXECUTE":
        operation = name;
        expect = Expect.PROCEDURE;
        break;
      default:
        if (OTHER_COMMANDS.contains(name.toUpperCase(Locale.ROOT))) {
          operation = name;
        }
    }
  }

  private void table(String name) {
    expect = Expect.NOTHING;
    if (collection != null) {
      severalTables = true;
    } else {
      collection = name;
    }
    inTableList = true;
  }
}
