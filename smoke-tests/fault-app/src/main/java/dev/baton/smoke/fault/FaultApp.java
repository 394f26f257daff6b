package dev.baton.smoke.fault;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Triggers application faults in the libraries the agent instruments and prints what the
 * application caught ({@link FaultReport}); the test runs it without and with the agent and
 * compares the two outputs line by line. Prints {@code FAULT-APP DONE} at the end.
 *
 * <p>Needs {@code KAFKA_BOOTSTRAP_SERVERS} (a live broker) and {@code POSTGRES_URL}.
 */
public final class FaultApp {

  private FaultApp() {}

  public static void main(String[] args) throws Exception {
    FaultReport report = new FaultReport();
    int closedPort = closedPort();
    report.replace(String.valueOf(closedPort), "CLOSED_PORT");
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      report.replace(String.valueOf(silent.getLocalPort()), "SILENT_PORT");
      new ServletFaults(report).run();
      new HttpClientFaults(report, closedPort, silent.getLocalPort()).run();
    }
    new KafkaFaults(report, System.getenv("KAFKA_BOOTSTRAP_SERVERS"), closedPort).run();
    new JdbcFaults(report, System.getenv("POSTGRES_URL")).run();
    System.out.println("FAULT-APP DONE");
    System.out.flush();
    System.exit(0);
  }

  /** A port nothing listens on: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
