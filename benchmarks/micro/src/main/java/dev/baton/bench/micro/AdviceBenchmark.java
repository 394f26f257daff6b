package dev.baton.bench.micro;

import com.sun.net.httpserver.HttpServer;
import dev.baton.bench.process.HttpProbe;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cheap calls of instrumented libraries, run by {@link MicroBenchmarks} in JVMs forked without an
 * agent, with Baton (trace mode, export off) and with Baton in forward mode: the differences are
 * the advice's cost. No tracing code here; whatever the agent adds is all that differs.
 *
 * <ul>
 *   <li>{@code servlet*}: a request to embedded Tomcat over a kept-alive loopback connection,
 *       carrying {@code traceparent} and {@code x-request-id}; the handler does nothing else, or
 *       one H2 query, or hands a task to an executor and waits, or calls out with
 *       {@code java.net.http.HttpClient} (where forward mode copies the headers);
 *   <li>{@code jdbcOutsideRequest}, {@code executorOutsideRequest}, {@code httpClientOutsideRequest}:
 *       the same calls outside any request (the path every background job takes).
 * </ul>
 */
@State(Scope.Benchmark)
public class AdviceBenchmark {

  private static final String INBOUND =
      "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
          + "x-request-id: 6f1c1b7e-5d0e-4c52-9a55-2f3e9a6d9f11\r\n";

  private Tomcat tomcat;
  private HttpServer downstream;
  private int port;
  private Connection connection;
  private PreparedStatement query;
  private ExecutorService executor;
  private HttpClient client;
  private HttpRequest downstreamRequest;

  @Setup(Level.Trial)
  public void start() throws Exception {
    downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    downstream.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes());
      exchange.close();
    });
    downstream.start();
    client = HttpClient.newHttpClient();
    downstreamRequest = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + downstream.getAddress().getPort() + "/")).build();
    connection = DriverManager.getConnection("jdbc:h2:mem:advice", "sa", "");
    query = connection.prepareStatement("SELECT 1");
    executor = Executors.newFixedThreadPool(1);

    tomcat = new Tomcat();
    File base = Files.createTempDirectory("advice-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    // Keep-alive connections stay open (Tomcat closes them after 100 requests by default).
    connector.setProperty("maxKeepAliveRequests", "-1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "handler", new Handler(this));
    context.addServletMappingDecoded("/*", "handler");
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    downstream.stop(0);
    executor.shutdownNow();
    connection.close();
  }

  /** One kept-alive connection per benchmark thread and path. */
  @State(Scope.Thread)
  public static class Connections {
    HttpProbe plain;
    HttpProbe jdbc;
    HttpProbe executor;
    HttpProbe outbound;

    @Setup(Level.Trial)
    public void open(AdviceBenchmark bench) throws IOException {
      plain = new HttpProbe(bench.port, "/plain", INBOUND, 10_000);
      jdbc = new HttpProbe(bench.port, "/jdbc", INBOUND, 10_000);
      executor = new HttpProbe(bench.port, "/executor", INBOUND, 10_000);
      outbound = new HttpProbe(bench.port, "/outbound", INBOUND, 10_000);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      plain.close();
      jdbc.close();
      executor.close();
      outbound.close();
    }
  }

  @Benchmark
  public int servletRequest(Connections connections) throws IOException {
    return connections.plain.send();
  }

  @Benchmark
  public int servletRequestWithJdbc(Connections connections) throws IOException {
    return connections.jdbc.send();
  }

  @Benchmark
  public int servletRequestWithExecutorTask(Connections connections) throws IOException {
    return connections.executor.send();
  }

  @Benchmark
  public int servletRequestWithHttpClientCall(Connections connections) throws IOException {
    return connections.outbound.send();
  }

  @Benchmark
  public int jdbcOutsideRequest() throws SQLException {
    return runQuery();
  }

  @Benchmark
  public Object executorOutsideRequest() throws Exception {
    return handOff();
  }

  @Benchmark
  public int httpClientOutsideRequest() throws Exception {
    return callDownstream();
  }

  synchronized int runQuery() throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  Object handOff() throws Exception {
    Future<?> done = executor.submit(() -> { });
    return done.get();
  }

  int callDownstream() throws IOException, InterruptedException {
    return client.send(downstreamRequest, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The servlet the benchmarks call: its path says what it does besides answering. */
  private static final class Handler extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "ok".getBytes();
    private final transient AdviceBenchmark bench;

    Handler(AdviceBenchmark bench) {
      this.bench = bench;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        switch (request.getRequestURI()) {
          case "/jdbc" -> bench.runQuery();
          case "/executor" -> bench.handOff();
          case "/outbound" -> bench.callDownstream();
          default -> { }
        }
      } catch (Exception e) {
        throw new IOException(e);
      }
      response.setContentLength(OK.length);
      response.getOutputStream().write(OK);
    }
  }
}
