package dev.baton.librarytest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.dbcp2.DelegatingStatement;

/**
 * A wrapper statement as applications and libraries write them (DBCP's own delegating statement
 * underneath): it delegates to the driver's statement and remembers the exception the driver
 * threw, so a test can check the application gets that very object.
 */
final class RecordingStatement extends DelegatingStatement {

  SQLException thrownByDriver;

  RecordingStatement(Statement driverStatement) {
    super(null, driverStatement);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    try {
      return getDelegate().executeQuery(sql);
    } catch (SQLException e) {
      thrownByDriver = e;
      throw e;
    }
  }
}
