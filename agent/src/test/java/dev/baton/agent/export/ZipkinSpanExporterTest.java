package dev.baton.agent.export;

import static dev.baton.agent.export.ZipkinJsonEncoderTest.span;
import static dev.baton.agent.export.ZipkinJsonEncoderTest.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.baton.agent.export.ZipkinJsonEncoderTest.StrictJson;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter against a real Zipkin server (io.zipkin:zipkin-server exec jar, in-memory storage)
 * started once for the class, and against small stand-ins for the failure cases. Everything binds
 * 127.0.0.1 only.
 */
class ZipkinSpanExporterTest {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Process zipkin;
  private static Path zipkinLog;
  private static URI zipkinBase;

  @BeforeAll
  static void startZipkin() throws Exception {
    Path jar = zipkinJar();
    int port = freePort();
    zipkinBase = URI.create("http://127.0.0.1:" + port);
    Path target = Paths.get("target");
    Files.createDirectories(target);
    zipkinLog = target.resolve("zipkin-server.log").toAbsolutePath();
    long started = System.nanoTime();
    zipkin =
        new ProcessBuilder(
                javaExecutable(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols=http")
            .redirectErrorStream(true)
            .redirectOutput(zipkinLog.toFile())
            .start();
    long deadline = started + STARTUP_TIMEOUT.toNanos();
    while (!isHealthy()) {
      if (!zipkin.isAlive()) {
        fail("Zipkin exited with " + zipkin.exitValue() + " before it was UP:\n" + logTail());
      }
      if (System.nanoTime() - deadline > 0) {
        fail("Zipkin was not UP within " + STARTUP_TIMEOUT + ":\n" + logTail());
      }
      Thread.sleep(200);
    }
    System.out.printf(
        "Zipkin UP on %s after %d ms%n",
        zipkinBase, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @AfterAll
  static void stopZipkin() throws InterruptedException {
    if (zipkin != null) {
      zipkin.destroy();
      if (!zipkin.waitFor(20, TimeUnit.SECONDS)) {
        zipkin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void exportedTraceCanBeReadBackFromZipkin() throws Exception {
    String traceId = randomHex(32);
    SpanContext serverContext = spanContext(traceId, randomHex(16));
    SpanContext clientContext = spanContext(traceId, randomHex(16));
    long start = System.currentTimeMillis() * 1_000_000L;
    SpanData server =
        span()
            .setSpanContext(serverContext)
            .setKind(SpanKind.SERVER)
            .setName("GET /Orders/{id}")
            .setStartEpochNanos(start)
            .setEndEpochNanos(start + 20_000_000L)
            .setAttributes(
                Attributes.builder()
                    .put("http.request.method", "GET")
                    .put("http.route", "/Orders/{id}")
                    .put("http.response.status_code", 200L)
                    .build())
            .build();
    SpanData client =
        span()
            .setSpanContext(clientContext)
            .setParentSpanContext(serverContext)
            .setKind(SpanKind.CLIENT)
            .setName("GET")
            .setStartEpochNanos(start + 2_000_000L)
            .setEndEpochNanos(start + 12_000_000L)
            .setStatus(StatusData.error())
            .setAttributes(
                Attributes.builder()
                    .put("http.request.method", "GET")
                    .put("server.address", "inventory.internal")
                    .put("server.port", 8080L)
                    .put("url.full", "http://inventory.internal:8080/stock?q=\"é😀\"")
                    .put("http.response.status_code", 503L)
                    .build())
            .build();
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.create(zipkinBase.resolve("/api/v2/spans"), Duration.ofSeconds(5));
    try {
      CompletableResultCode result = exporter.export(List.of(server, client));

      assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(exporter.failedSpans()).isZero();
      assertThat(exporterThreads()).as("daemon threads named %s", ZipkinSpanExporter.THREAD_NAME)
          .isNotEmpty()
          .allMatch(Thread::isDaemon);

      List<Object> trace = readTrace(traceId, 2);
      Map<String, Object> zServer = byId(trace, serverContext.getSpanId());
      Map<String, Object> zClient = byId(trace, clientContext.getSpanId());

      assertThat(zServer).doesNotContainKey("parentId");
      assertThat(zServer.get("kind")).isEqualTo("SERVER");
      assertThat(zServer.get("name")).isEqualTo("get /orders/{id}"); // Zipkin lower-cases names
      assertThat(zServer.get("localEndpoint")).isEqualTo(Map.of("serviceName", "checkout"));
      assertThat(zServer.get("timestamp")).isEqualTo(new BigDecimal(start / 1000));
      assertThat(zServer.get("duration")).isEqualTo(new BigDecimal(20_000));
      assertThat(tags(zServer))
          .containsEntry("http.route", "/Orders/{id}")
          .containsEntry("http.response.status_code", "200")
          .containsEntry("otel.scope.name", "dev.baton.servlet");

      assertThat(zClient.get("parentId")).isEqualTo(serverContext.getSpanId());
      assertThat(zClient.get("kind")).isEqualTo("CLIENT");
      assertThat(zClient.get("localEndpoint")).isEqualTo(Map.of("serviceName", "checkout"));
      assertThat(zClient.get("remoteEndpoint"))
          .isEqualTo(Map.of("serviceName", "inventory.internal", "port", new BigDecimal(8080)));
      assertThat(tags(zClient))
          .containsEntry("url.full", "http://inventory.internal:8080/stock?q=\"é😀\"")
          .containsEntry("http.response.status_code", "503")
          .containsEntry("otel.status_code", "ERROR")
          .containsEntry("error", "");
    } finally {
      exporter.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void deadPortFailsWithinTheTimeoutWithoutThrowing() throws Exception {
    int deadPort = freePort(); // bound, then closed: nothing listens there now
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.create(
            URI.create("http://127.0.0.1:" + deadPort + "/api/v2/spans"), Duration.ofSeconds(2));
    try {
      long started = System.nanoTime();
      CompletableResultCode result = exporter.export(List.of(span().build(), span().build()));
      result.join(10, TimeUnit.SECONDS);

      assertThat(result.isDone()).isTrue();
      assertThat(result.isSuccess()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(exporter.failedSpans()).isEqualTo(2);

      // A second failure right after is counted but (rate limit) not logged again.
      assertThat(exporter.export(List.of(span().build())).join(10, TimeUnit.SECONDS).isSuccess())
          .isFalse();
      assertThat(exporter.failedSpans()).isEqualTo(3);
    } finally {
      exporter.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void serviceUnavailableFailsCleanly() throws Exception {
    List<String> contentTypes = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer stub = stubServer(503, contentTypes, bodies);
    ZipkinSpanExporter exporter = ZipkinSpanExporter.create(stubUri(stub), Duration.ofSeconds(2));
    try {
      CompletableResultCode result = exporter.export(List.of(span().build()));

      assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
      assertThat(result.isDone()).isTrue();
      assertThat(exporter.failedSpans()).isEqualTo(1);
      assertThat(contentTypes).containsExactly("application/json");
      assertThat(StrictJson.parseArray(bodies.get(0))).hasSize(1);
    } finally {
      exporter.shutdown().join(10, TimeUnit.SECONDS);
      stub.stop(0);
    }
  }

  @Test
  void noResponseWithinTheTimeoutFails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService handlers = Executors.newCachedThreadPool();
    silent.setExecutor(handlers);
    silent.createContext(
        "/",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS); // never answers in time
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    silent.start();
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.create(stubUri(silent), Duration.ofMillis(500));
    try {
      long started = System.nanoTime();
      CompletableResultCode result = exporter.export(List.of(span().build()));

      assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(exporter.failedSpans()).isEqualTo(1);
    } finally {
      release.countDown();
      exporter.shutdown().join(10, TimeUnit.SECONDS);
      silent.stop(0);
      handlers.shutdownNow();
    }
  }

  @Test
  void afterShutdownNothingIsSent() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer stub = stubServer(202, new CopyOnWriteArrayList<>(), bodies);
    ZipkinSpanExporter exporter = ZipkinSpanExporter.create(stubUri(stub), Duration.ofSeconds(2));
    try {
      assertThat(exporter.export(List.of(span().build())).join(10, TimeUnit.SECONDS).isSuccess())
          .isTrue();
      assertThat(exporter.flush().isSuccess()).isTrue();

      assertThat(exporter.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      CompletableResultCode afterShutdown = exporter.export(List.of(span().build()));

      assertThat(afterShutdown.isDone()).isTrue();
      assertThat(afterShutdown.isSuccess()).isFalse();
      assertThat(bodies).hasSize(1);
      assertThat(exporter.shutdown().isSuccess()).isTrue();
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void failuresAreLoggedFirstThenAtMostOncePerInterval() {
    long minute = TimeUnit.MINUTES.toNanos(1);
    ZipkinSpanExporter.FailureLog log = new ZipkinSpanExporter.FailureLog(minute);
    long t0 = 123_456_789L;

    assertThat(log.onFailure(5, t0)).isEqualTo(ZipkinSpanExporter.FailureLog.FIRST);
    assertThat(log.onFailure(3, t0 + 1)).isZero();
    assertThat(log.onFailure(4, t0 + minute - 1)).isZero();
    assertThat(log.onFailure(2, t0 + minute)).isEqualTo(3 + 4 + 2);
    assertThat(log.onFailure(1, t0 + minute + 10)).isZero();
    assertThat(log.unreported()).isEqualTo(1);
    assertThat(log.unreported()).isZero();
    // The clock may be negative or wrap: only differences count.
    ZipkinSpanExporter.FailureLog wrapping = new ZipkinSpanExporter.FailureLog(minute);
    assertThat(wrapping.onFailure(1, Long.MAX_VALUE - 10))
        .isEqualTo(ZipkinSpanExporter.FailureLog.FIRST);
    assertThat(wrapping.onFailure(1, Long.MAX_VALUE)).isZero();
    assertThat(wrapping.onFailure(1, Long.MAX_VALUE - 10 + minute)).isEqualTo(2);
  }

  @Test
  void rejectsUnusableConfiguration() {
    assertThatThrownBy(
            () -> ZipkinSpanExporter.create(URI.create("zipkin:9411"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ZipkinSpanExporter.create(URI.create("http://127.0.0.1:9411/"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Object> readTrace(String traceId, int expectedSpans) throws Exception {
    // Zipkin stores asynchronously: the trace may not be there the moment the POST is accepted.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String last = "";
    while (System.nanoTime() - deadline < 0) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(zipkinBase.resolve("/api/v2/trace/" + traceId))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        List<Object> spans = StrictJson.parseArray(response.body());
        if (spans.size() >= expectedSpans) {
          return spans;
        }
      }
      Thread.sleep(100);
    }
    return fail("trace " + traceId + " not readable from Zipkin; last answer: " + last);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> byId(List<Object> spans, String id) {
    return spans.stream()
        .map(s -> (Map<String, Object>) s)
        .filter(s -> id.equals(s.get("id")))
        .findFirst()
        .orElseGet(() -> fail("no span " + id + " in " + spans));
  }

  private static HttpServer stubServer(int status, List<String> contentTypes, List<String> bodies)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v2/spans",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          String text = status == 503 ? "storage\n unavailable" : "";
          byte[] answer = text.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
    return server;
  }

  private static URI stubUri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans");
  }

  private static List<Thread> exporterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(ZipkinSpanExporter.THREAD_NAME))
        .collect(Collectors.toList());
  }

  private static boolean isHealthy() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(zipkinBase.resolve("/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path zipkinJar() {
    String configured = System.getProperty("zipkin.server.jar");
    List<Path> candidates =
        List.of(
            Paths.get(configured != null ? configured : "target/zipkin/zipkin-server.jar"),
            Paths.get(
                System.getProperty("user.home"),
                ".m2/repository/io/zipkin/zipkin-server/3.6.1/zipkin-server-3.6.1-exec.jar"));
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseGet(
            () ->
                fail(
                    "No Zipkin server jar at "
                        + candidates
                        + "; run `mvn -pl agent generate-test-resources` first"));
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String logTail() {
    try {
      List<String> lines = Files.readAllLines(zipkinLog, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log at " + zipkinLog + ": " + e + ")";
    }
  }

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static String randomHex(int length) {
    StringBuilder hex = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (hex.length() < length) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    // Never all zeros (an invalid id): make the last digit depend on a counter that is never 0.
    hex.setCharAt(length - 1, Character.forDigit(1 + COUNTER.getAndIncrement() % 15, 16));
    return hex.toString();
  }

  private static SpanContext spanContext(String traceId, String spanId) {
    return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }
}
