package dev.baton.instrumentation.api.db;

/**
 * What a database span says about the connection it runs on: the same for every statement on
 * it, so worked out once per connection. Holds no credentials, by construction.
 */
public final class DbConnectionInfo {

  /** A connection whose URL could not be read or understood. */
  public static final DbConnectionInfo UNKNOWN = new DbConnectionInfo("other_sql", null, null, 0);

  private final String system;
  private final String namespace;
  private final String serverAddress;
  private final int serverPort;
  private final SqlDialect dialect;

  /**
   * @param system the {@code db.system.name} value, for example {@code postgresql}
   * @param namespace the database name, or {@code null}
   * @param serverAddress the host, or {@code null} for an embedded database
   * @param serverPort the port, or 0 when unknown
   */
  public DbConnectionInfo(String system, String namespace, String serverAddress, int serverPort) {
    this.system = system;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.dialect = SqlDialect.of(system);
  }

  public String system() {
    return system;
  }

  public String namespace() {
    return namespace;
  }

  public String serverAddress() {
    return serverAddress;
  }

  public int serverPort() {
    return serverPort;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public String toString() {
    return system + "{namespace=" + namespace + ", server=" + serverAddress + ":" + serverPort + "}";
  }
}
