package dev.baton.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The one PostgreSQL every smoke test shares: the server this machine (and CI, through {@code
 * .ci/run}) runs at 127.0.0.1:5432, user {@code postgres}, database {@code test}. Each test writes
 * to a table of its own. Missing, it fails the test with {@code CI=true} and skips it elsewhere.
 */
public final class Postgres {

  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
  public static final String USER = "postgres";

  private Postgres() {}

  /** A connection, or the test fails (CI) or is skipped (a developer's machine without the server). */
  public static Connection connect() {
    try {
      return DriverManager.getConnection(URL, USER, "");
    } catch (SQLException e) {
      String problem = "PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable (" + e + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(problem + "; with CI=true a missing database is a failure", e);
      }
      Assumptions.abort(problem + ": skipped (with CI=true this fails)");
      throw new AssertionError("unreachable");
    }
  }
}
