package dev.baton.instrumentation.api.db;

import java.util.Locale;

/**
 * Reads system, database, host and port from a JDBC URL, with each driver's own syntax.
 *
 * <p>Only those four are kept. User names and passwords (in the authority, as
 * {@code user/password@} in Oracle URLs, or as parameters) are skipped, never copied, so nothing
 * derived from this parser can leak them. A URL it cannot read gives {@link
 * DbConnectionInfo#UNKNOWN} or a partial result, never an exception.
 */
public final class JdbcUrlParser {

  /** Drivers that wrap another driver's URL: {@code jdbc:p6spy:postgresql://...}. */
  private static final String[] WRAPPERS = {"p6spy:", "otel:", "log4jdbc:", "tracing:"};

  private JdbcUrlParser() {}

  public static DbConnectionInfo parse(String url) {
    try {
      return parseOrNull(url);
    } catch (RuntimeException unreadable) {
      return DbConnectionInfo.UNKNOWN;
    }
  }

  private static DbConnectionInfo parseOrNull(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DbConnectionInfo.UNKNOWN;
    }
    String rest = url.trim().substring(5);
    for (String wrapper : WRAPPERS) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return DbConnectionInfo.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    int plus = subprotocol.indexOf('+'); // mysql+srv
    if (plus > 0) {
      subprotocol = subprotocol.substring(0, plus);
    }
    rest = rest.substring(colon + 1);
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return hostAndDatabase("postgresql", rest, 5432, "localhost");
      case "mysql":
        return hostAndDatabase("mysql", stripModes(rest, "loadbalance:", "replication:"), 3306, "localhost");
      case "mariadb":
        return hostAndDatabase("mariadb",
            stripModes(rest, "replication:", "loadbalance:", "sequential:", "aurora:", "failover:"),
            3306, "localhost");
      case "h2":
        return h2(rest);
      case "hsqldb":
        return hsqldb(rest);
      case "derby":
        return rest.startsWith("//")
            ? hostAndDatabase("derby", rest, 1527, null)
            : new DbConnectionInfo("derby", lastSegment(until(rest, ";")), null, 0);
      case "sqlserver":
        return sqlServer(rest);
      case "jtds":
        return rest.startsWith("sqlserver:")
            ? hostAndDatabase("microsoft.sql_server", rest.substring(10), 1433, null)
            : hostAndDatabase("other_sql", rest.substring(rest.indexOf(':') + 1), 0, null);
      case "oracle":
        return oracle(rest);
      case "db2":
        return hostAndDatabase("ibm.db2", rest, 50000, null);
      case "sap":
        return hostAndDatabase("sap.hana", rest, 30015, null);
      case "redshift":
        return hostAndDatabase("aws.redshift", rest, 5439, null);
      case "clickhouse":
      case "ch":
        return hostAndDatabase("clickhouse", stripModes(rest, "http:", "https:", "grpc:"), 8123, null);
      case "trino":
        return hostAndDatabase("trino", rest, 8080, null);
      case "firebirdsql":
      case "firebird":
        return hostAndDatabase("firebirdsql", rest, 3050, null);
      case "informix-sqli":
        return hostAndDatabase("ibm.informix", rest, 9088, null);
      case "sqlite":
        return new DbConnectionInfo("sqlite", null, null, 0);
      default:
        return hostAndDatabase("other_sql", rest, 0, null);
    }
  }

  /**
   * The common form {@code //[credentials@]host[:port][,host2...][/database][?params|;params]},
   * or just {@code database}. Only the first host of a list is reported.
   */
  private static DbConnectionInfo hostAndDatabase(
      String system, String rest, int defaultPort, String defaultHost) {
    if (!rest.startsWith("//")) {
      // jdbc:postgresql:database (local server), or a form this parser does not know
      String database = until(rest, "?;");
      boolean plainName = !database.isEmpty() && database.indexOf('/') < 0 && database.indexOf(':') < 0;
      return plainName && defaultHost != null
          ? new DbConnectionInfo(system, database, defaultHost, defaultPort)
          : new DbConnectionInfo(system, null, null, 0);
    }
    String tail = withoutCredentials(rest.substring(2));
    int authorityEnd = indexOfAny(tail, "/?;", 0);
    String authority = tail.substring(0, authorityEnd);
    String host;
    int port;
    if (authority.startsWith("address=") || authority.startsWith("(")) {
      // MySQL/MariaDB: address=(host=h)(port=p)(type=master),address=(...)
      String first = until(authority, ",");
      host = keyValue(first, "host=");
      port = parsePort(keyValue(first, "port="), defaultPort);
    } else {
      String first = until(authority, ",");
      int portSeparator = first.startsWith("[") ? first.indexOf(':', first.indexOf(']')) : first.lastIndexOf(':');
      host = portSeparator < 0 ? first : first.substring(0, portSeparator);
      port = portSeparator < 0 ? defaultPort : parsePort(first.substring(portSeparator + 1), defaultPort);
    }
    String database = null;
    if (authorityEnd < tail.length() && tail.charAt(authorityEnd) == '/') {
      database = until(tail.substring(authorityEnd + 1), "?;:/");
    }
    return new DbConnectionInfo(system, emptyToNull(database), emptyToNull(host), host.isEmpty() ? 0 : port);
  }

  /** {@code mem:name}, {@code tcp://host[:port]/path}, {@code ssl://...}, {@code file:path}, a path. */
  private static DbConnectionInfo h2(String rest) {
    String target = until(rest, ";");
    if (target.startsWith("tcp://") || target.startsWith("ssl://")) {
      DbConnectionInfo server = hostAndDatabase("h2database", target.substring(4), 9092, null);
      int pathStart = target.indexOf('/', 6);
      String path = pathStart < 0 ? null : target.substring(pathStart + 1);
      return new DbConnectionInfo("h2database", path == null ? null : lastSegment(path),
          server.serverAddress(), server.serverPort());
    }
    return new DbConnectionInfo("h2database", lastSegment(target), null, 0);
  }

  private static DbConnectionInfo hsqldb(String rest) {
    String target = until(rest, ";");
    for (String scheme : new String[] {"hsql://", "hsqls://", "http://", "https://"}) {
      if (target.startsWith(scheme)) {
        DbConnectionInfo server =
            hostAndDatabase("hsqldb", target.substring(scheme.indexOf("//")), scheme.startsWith("hsql") ? 9001 : 80, null);
        return new DbConnectionInfo("hsqldb", server.namespace(), server.serverAddress(), server.serverPort());
      }
    }
    return new DbConnectionInfo("hsqldb", lastSegment(target), null, 0);
  }

  /** {@code //host[\instance][:port][;databaseName=db;serverName=h;portNumber=p;...]}. */
  private static DbConnectionInfo sqlServer(String rest) {
    String tail = rest.startsWith("//") ? rest.substring(2) : rest;
    int propertiesStart = tail.indexOf(';');
    String server = propertiesStart < 0 ? tail : tail.substring(0, propertiesStart);
    String properties = propertiesStart < 0 ? "" : tail.substring(propertiesStart);
    int portSeparator = server.lastIndexOf(':');
    String host = portSeparator < 0 ? server : server.substring(0, portSeparator);
    int port = portSeparator < 0 ? 1433 : parsePort(server.substring(portSeparator + 1), 1433);
    host = until(host, "\\"); // the instance name is not part of the host
    String database = null;
    for (String property : properties.split(";")) {
      int eq = property.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = property.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = property.substring(eq + 1).trim();
      if (key.equals("databasename") || key.equals("database")) {
        database = value;
      } else if (key.equals("servername") && host.isEmpty()) {
        host = until(value, "\\");
      } else if (key.equals("portnumber") || key.equals("port")) {
        port = parsePort(value, port);
      }
    }
    return new DbConnectionInfo("microsoft.sql_server", emptyToNull(database), emptyToNull(host),
        host.isEmpty() ? 0 : port);
  }

  /**
   * {@code thin:[user/password]@host:port:sid}, {@code thin:@//host:port/service},
   * {@code thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))(CONNECT_DATA=(SERVICE_NAME=s)))}.
   */
  private static DbConnectionInfo oracle(String rest) {
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      return new DbConnectionInfo("oracle.db", null, null, 0);
    }
    String target = rest.substring(at + 1).trim();
    if (target.startsWith("(")) {
      String upper = target.toUpperCase(Locale.ROOT);
      String service = keyValue(target, "SERVICE_NAME=", upper);
      if (service == null) {
        service = keyValue(target, "SID=", upper);
      }
      String host = keyValue(target, "HOST=", upper);
      int port = parsePort(keyValue(target, "PORT=", upper), 1521);
      return new DbConnectionInfo("oracle.db", service, host, host == null ? 0 : port);
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    target = until(target, "?");
    int slash = target.indexOf('/');
    String hostPort = slash < 0 ? target : target.substring(0, slash);
    String database = slash < 0 ? null : target.substring(slash + 1);
    String[] parts = hostPort.split(":");
    if (parts.length == 1 && slash < 0) {
      // a TNS alias: nothing says where it points
      return new DbConnectionInfo("oracle.db", null, null, 0);
    }
    int port = parts.length > 1 ? parsePort(parts[1], 1521) : 1521;
    if (parts.length > 2) {
      database = parts[2]; // host:port:sid
    }
    return new DbConnectionInfo("oracle.db", emptyToNull(database), emptyToNull(parts[0]), port);
  }

  private static String stripModes(String rest, String... modes) {
    for (String mode : modes) {
      if (rest.startsWith(mode)) {
        return rest.substring(mode.length());
      }
    }
    return rest;
  }

  /**
   * Drops everything up to the last {@code @} before the parameters: {@code user:password@}.
   * Parameters ({@code ?user=...}) are never looked into.
   */
  private static String withoutCredentials(String authorityAndRest) {
    int parametersStart = indexOfAny(authorityAndRest, "?;", 0);
    int at = authorityAndRest.lastIndexOf('@', parametersStart - 1);
    return at < 0 ? authorityAndRest : authorityAndRest.substring(at + 1);
  }

  /** The value after {@code key} in {@code (key=value)} text, up to {@code )}, or null. */
  private static String keyValue(String text, String key) {
    return keyValue(text, key, text.toUpperCase(Locale.ROOT));
  }

  private static String keyValue(String text, String key, String upperText) {
    int start = upperText.indexOf(key.toUpperCase(Locale.ROOT));
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = indexOfAny(text, ")", start);
    return emptyToNull(text.substring(start, end).trim());
  }

  /** The last part of a path or name: {@code mem:test} and {@code ~/data/test} give {@code test}. */
  private static String lastSegment(String path) {
    int cut = Math.max(path.lastIndexOf(':'), Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
    return emptyToNull(path.substring(cut + 1));
  }

  private static String until(String text, String stopChars) {
    return text.substring(0, indexOfAny(text, stopChars, 0));
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static int parsePort(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text.trim());
      return port > 0 && port < 65536 ? port : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
