package dev.baton.librarytest.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run against, and what happens when one is missing: with {@code CI=true}
 * the test fails (CI must prove every driver); on a developer's machine it is skipped with a line
 * saying which database and why.
 */
final class Databases {

  static final String POSTGRES = "PostgreSQL at 127.0.0.1:5432 (user postgres, database test)";
  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
  static final String MARIADB = "MariaDB at 127.0.0.1:3306 (user root, no password, database test)";
  static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000";
  static final String MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test?connectTimeout=5000&sslMode=DISABLED";

  private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
  private static Server h2Server;

  private Databases() {}

  static Connection h2(String name) throws Exception {
    return DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
  }

  /** A real network connection: H2's TCP server in this JVM, on 127.0.0.1 only. */
  static synchronized int h2ServerPort() throws Exception {
    if (!"127.0.0.1".equals(System.getProperty("h2.bindAddress"))) {
      throw new AssertionError("h2.bindAddress must be 127.0.0.1 (set by the pom), or H2 listens everywhere");
    }
    if (h2Server == null) {
      h2Server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    }
    return h2Server.getPort();
  }

  static Connection h2Tcp(String name) throws Exception {
    return DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + h2ServerPort() + "/mem:" + name);
  }

  static Connection postgres() {
    return require(POSTGRES, () -> DriverManager.getConnection(POSTGRES_URL, "postgres", ""));
  }

  static Connection mariadb() {
    return require(MARIADB, () -> DriverManager.getConnection(MARIADB_URL, "root", ""));
  }

  /** MySQL's own driver against MariaDB: used only when it manages to connect. */
  static Connection mysqlConnectorOnMariaDb() {
    try (Connection reachable = mariadb()) {
      // MariaDB is there; whether Connector/J speaks to it is the question below
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    try {
      return DriverManager.getConnection(MYSQL_URL, "root", "");
    } catch (Exception e) {
      Assumptions.abort("MySQL Connector/J does not connect to " + MARIADB + ": " + e + "; skipped");
      throw new AssertionError("unreachable");
    }
  }

  static Connection require(String database, Callable<Connection> connect) {
    try {
      return connect.call();
    } catch (Exception e) {
      String problem = database + " is not reachable (" + e + ")";
      if (CI) {
        throw new AssertionError(problem + "; with CI=true a missing database is a failure", e);
      }
      Assumptions.abort(problem + ": skipped (with CI=true this fails)");
      throw new AssertionError("unreachable");
    }
  }

  /** Whether a database is reachable, with the same rule: fails under CI, skips otherwise. */
  static void assumeReachable(String database, Callable<Connection> connect) throws Exception {
    require(database, connect).close();
  }
}
