package dev.baton.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server} exec jar, in-memory storage) in its own JVM
 * on 127.0.0.1, and its query API read back as {@link ReceivedSpan}s. {@link #shared} starts one
 * per test JVM, for every test class that needs it, and stops it when the JVM exits.
 */
public final class ZipkinServer implements AutoCloseable {

  /** The system property naming the server's jar (the tests module copies it with Maven). */
  public static final String JAR_PROPERTY = "baton.zipkin.server.jar";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ZipkinServer shared;

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ZipkinServer(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** The Zipkin server of this JVM, started on first use from {@code baton.zipkin.server.jar}. */
  public static synchronized ZipkinServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      String jar = System.getProperty(JAR_PROPERTY);
      if (jar == null) {
        throw new IllegalStateException(JAR_PROPERTY + " is not set: run through Maven");
      }
      // The port is free when chosen, not reserved: a second attempt makes losing it harmless.
      try {
        shared = start(Path.of(jar));
      } catch (IllegalStateException firstAttempt) {
        shared = start(Path.of(jar));
      }
      ZipkinServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "zipkin-stop"));
    }
    return shared;
  }

  /** Starts a server on a free port; returns when {@code /health} says UP. */
  public static ZipkinServer start(Path jar) throws IOException, InterruptedException {
    int port = ChildProcesses.freePorts(1)[0];
    Path log = Files.createTempFile("zipkin-server", ".log");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-jar", jar.toString(),
            "--armeria.ports[0].ip=127.0.0.1",
            "--armeria.ports[0].port=" + port,
            "--armeria.ports[0].protocols=http")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    ZipkinServer server = new ZipkinServer(process, log, URI.create("http://127.0.0.1:" + port));
    server.awaitHealthy();
    return server;
  }

  /** Where the agent's Zipkin exporter posts ({@code otel.exporter.zipkin.endpoint}). */
  public String spansEndpoint() {
    return base + "/api/v2/spans";
  }

  /** The trace as {@code GET /api/v2/trace/{id}} returns it; empty while Zipkin does not know it. */
  public List<ReceivedSpan> trace(String traceId) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(base.resolve("/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new IOException("Zipkin answered " + response.statusCode() + ": " + response.body());
    }
    List<ReceivedSpan> spans = new ArrayList<>();
    for (JsonNode span : JSON.readTree(response.body())) {
      spans.add(toReceivedSpan(span));
    }
    return spans;
  }

  /** Waits until Zipkin returns at least {@code count} spans of the trace. */
  public List<ReceivedSpan> awaitTrace(String traceId, int count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedSpan> spans = trace(traceId);
    while (spans.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Zipkin has " + spans.size() + " of " + count + " spans of trace " + traceId
            + ":\n" + SpanTree.render(spans));
      }
      Thread.sleep(200);
      spans = trace(traceId);
    }
    return spans;
  }

  /**
   * Zipkin's model in the receiver's terms: tags are the attributes, {@code otel.scope.name} the
   * scope, {@code otel.status_code} the status. Zipkin has no links.
   */
  private static ReceivedSpan toReceivedSpan(JsonNode span) {
    Map<String, String> tags = new LinkedHashMap<>();
    span.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
    List<String> annotations = new ArrayList<>();
    span.path("annotations").forEach(annotation -> annotations.add(annotation.path("value").asText()));
    return new ReceivedSpan(
        span.path("localEndpoint").path("serviceName").asText(""),
        tags.getOrDefault("otel.scope.name", ""),
        span.path("traceId").asText(),
        span.path("id").asText(),
        span.path("parentId").asText(""),
        span.path("name").asText(""),
        span.path("kind").asText(""),
        tags,
        tags.getOrDefault("otel.status_code", "UNSET"),
        span.path("duration").asLong() / 1000,
        annotations,
        Map.of());
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!healthy()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Zipkin exited with " + process.exitValue() + ": " + tail());
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("Zipkin was not UP within " + START_TIMEOUT + ": " + tail());
      }
      Thread.sleep(200);
    }
  }

  private boolean healthy() throws InterruptedException {
    try {
      HttpResponse<String> health = client.send(
          HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("UP");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String tail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    ChildProcesses.stop(process);
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temporary file
    }
  }
}
