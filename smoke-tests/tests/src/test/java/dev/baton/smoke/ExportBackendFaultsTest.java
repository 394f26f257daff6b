package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.smoke.FaultyBackend.Kind;
import dev.baton.testing.OtlpReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo service under steady load while its OTLP backend is healthy, refuses connections,
 * black-holes them or answers 503: the service must not notice (same answers, throughput and p99
 * within noise of the healthy run, heap bounded), the lost spans must be visible (a {@code [baton]}
 * line and the {@code dev.baton:type=SpanExport} MBean, read over JMX from this JVM), and export
 * must resume when a real receiver comes back on the same port. Each case runs the service in its
 * own JVM with the agent's default export settings, so the defaults are what is proven.
 *
 * <p>The machine is shared and noisy: performance is compared as ratios with generous bounds;
 * what must hold exactly (no failed request, counts that add up, the log line) is asserted hard.
 */
class ExportBackendFaultsTest {

  private static final String BODY = "hello; downstream said: 200 downstream ok";
  // A longer, heavier run for measuring: -Dbaton.load.clients=32 -Dbaton.load.seconds=30
  private static final int CLIENTS = Integer.getInteger("baton.load.clients", 8);
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("baton.load.seconds", 4));
  /** Extra agent settings for measuring others, e.g. -Dbaton.load.agent-args=-Dotel.bsp.max.queue.size=2048 */
  private static final String EXTRA_AGENT_ARGS = System.getProperty("baton.load.agent-args", "");
  /** Heap the export queue may add over the healthy run (a full default queue is well below). */
  private static final long HEAP_ALLOWANCE = 32L << 20;


  /**
   * The faulty case and a healthy twin run side by side, started and loaded at the same time, so
   * that both see the same noise from the rest of the machine; the ratios compare like with like.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void deadBackendCostsTheServiceNothingAndExportRecovers(Kind kind) throws Exception {
    int port = FaultyBackend.freePort();
    String service = "fault-" + kind.name().toLowerCase();
    try (FaultyBackend backend = FaultyBackend.start(kind, port);
        OtlpReceiver twinReceiver = new OtlpReceiver()) {
      CompletableFuture<Started> twinStart = CompletableFuture.supplyAsync(
          () -> Started.of(settings("twin-" + service, twinReceiver.endpoint())));
      Started faultyStart = Started.of(settings(service, "http://127.0.0.1:" + port));
      Started twinStarted = twinStart.join();
      try (DemoService demo = faultyStart.demo(); DemoService twin = twinStarted.demo()) {
        CompletableFuture<LoadRun> twinLoad = CompletableFuture.supplyAsync(() -> load(twin));
        LoadRun load = load(demo);
        LoadRun healthy = twinLoad.join();
        System.out.printf("%s: start %d ms, %s (healthy twin: start %d ms, %s)%n",
            kind, faultyStart.millis(), load, twinStarted.millis(), healthy);

        assertThat(load.errors()).as("failed requests").isZero();
        assertThat(healthy.errors()).as("failed requests of the twin").isZero();
        assertThat(load.requestsPerSecond())
            .as("throughput vs healthy twin %s", healthy)
            .isGreaterThanOrEqualTo(0.7 * healthy.requestsPerSecond());
        assertThat(load.p99Millis())
            .as("p99 vs healthy twin %s", healthy)
            .isLessThanOrEqualTo(Math.max(2.5 * healthy.p99Millis(), healthy.p99Millis() + 50));
        if (kind == Kind.BLACK_HOLE) {
          // Start-up must not wait for a backend that never answers (an OTLP timeout is 10 s).
          assertThat(faultyStart.millis()).as("start-up vs healthy twin (%d ms)", twinStarted.millis())
              .isLessThan(twinStarted.millis() * 3 / 2 + 2000);
        }

        try (JmxClient jmx = JmxClient.attach(demo.process().pid());
            JmxClient twinJmx = JmxClient.attach(twin.process().pid())) {
          await(jmx::hasSpanExport, "the SpanExport MBean");
          assertThat(jmx.heapUsedAfterGc()).as("heap after GC")
              .isLessThan(twinJmx.heapUsedAfterGc() + HEAP_ALLOWANCE);
          long created = jmx.spanExport("SpansCreated");
          assertThat(created).isGreaterThanOrEqualTo(3 * load.requests());
          assertThat(jmx.spanExport("SpansExported")).isZero();
          await(() -> jmx.spanExport("SpansDropped") + jmx.spanExport("SpansFailed") > 0, "lost spans counted");

          String line = demo.process().awaitStderr(
              Pattern.compile("\\[baton\\] WARN span export: \\d+ spans dropped for a full queue \\(capacity 8192\\),"
                  + " \\d+ spans in failed exports .* since start; totals: created \\d+.*"),
              Duration.ofSeconds(30));
          System.out.println(kind + ": " + line);

          // The backend comes back on the same port: new spans arrive, the counter moves on, and
          // the log says so once exports succeed again.
          backend.close();
          try (OtlpReceiver receiver = receiverOn(port)) {
            Pattern recovered = Pattern.compile("\\[baton\\] INFO span export recovered.*");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!recovered.matcher(demo.process().stderr()).find()) {
              assertThat(System.nanoTime()).as("recovery line within 120 s").isLessThan(deadline);
              assertThat(demo.get("/hello").body()).isEqualTo(BODY);
              Thread.sleep(500);
            }
            receiver.await(s -> s.serviceName().equals(service), 3, Duration.ofSeconds(60));
            assertThat(jmx.spanExport("SpansExported")).isGreaterThanOrEqualTo(3);
          }
        }
      }
    }
  }

  /** A demo service and how long it took to listen. */
  private record Started(DemoService demo, long millis) {
    static Started of(List<String> settings) {
      long start = System.nanoTime();
      try {
        DemoService demo = DemoService.start(Jdk.current(), settings, Map.of());
        return new Started(demo, (System.nanoTime() - start) / 1_000_000);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static LoadRun load(DemoService demo) {
    try {
      return LoadRun.run(uri(demo), BODY, CLIENTS, WARM_UP, MEASURED);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The client threads keep the service saturated; nearly every span must still arrive. */
  @Test
  void healthyBackendUnderSaturationGetsNearlyEverySpan() throws Exception {
    String service = "healthy";
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      long startNanos = System.nanoTime();
      try (DemoService demo = DemoService.start(Jdk.current(), settings(service, receiver.endpoint()), Map.of())) {
        long startMillis = (System.nanoTime() - startNanos) / 1_000_000;
        LoadRun load = LoadRun.run(uri(demo), BODY, CLIENTS, WARM_UP, MEASURED);
        assertThat(load.errors()).as("failed requests").isZero();
        try (JmxClient jmx = JmxClient.attach(demo.process().pid())) {
          await(jmx::hasSpanExport, "the SpanExport MBean");
          // Every span created is accounted for once the queue has drained.
          await(() -> jmx.spanExport("SpansExported") + jmx.spanExport("SpansDropped")
              + jmx.spanExport("SpansFailed") == jmx.spanExport("SpansCreated"), "all spans accounted");
          long created = jmx.spanExport("SpansCreated");
          long exported = jmx.spanExport("SpansExported");
          long received = receiver.spans().stream().filter(s -> s.serviceName().equals(service)).count();
          System.out.printf("healthy: start %d ms, %s; spans created %d, exported %d (%.1f %%),"
                  + " dropped %d, failed %d, received %d%n", startMillis, load, created, exported,
              100.0 * exported / created, jmx.spanExport("SpansDropped"), jmx.spanExport("SpansFailed"),
              received);
          assertThat(created).isGreaterThanOrEqualTo(3 * load.requests());
          assertThat(received).as("received = exported").isEqualTo(exported);
          assertThat((double) exported / created).as("delivered share at saturation")
              .isGreaterThanOrEqualTo(0.95);
        }
      }
    }
  }

  /**
   * A receiver on the port the faulty backend just left. The agent's side may still hold a
   * connection the backend closed (until its next export notices), and the port cannot be bound
   * while it does; that takes a few seconds at most.
   */
  private static OtlpReceiver receiverOn(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return new OtlpReceiver(port);
      } catch (java.net.BindException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** The agent's defaults, exporting over OTLP/HTTP to the endpoint. */
  private static List<String> settings(String service, String endpoint) {
    List<String> settings = new java.util.ArrayList<>(List.of(
        "-Dotel.service.name=" + service,
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.endpoint=" + endpoint));
    for (String arg : EXTRA_AGENT_ARGS.split(" ")) {
      if (!arg.isBlank()) {
        settings.add(arg);
      }
    }
    return DemoService.withAgent(settings);
  }

  private static URI uri(DemoService demo) {
    return URI.create("http://127.0.0.1:" + demo.port() + "/hello");
  }

  private static void await(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(100);
    }
  }
}
