package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.smoke.FaultyBackend.Kind;
import dev.baton.testing.OtlpReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

  private static Baseline healthy;

  /** What the healthy run measured: the yardstick of every fault case. */
  record Baseline(LoadRun load, long startMillis, long heapAfterGc) {}

  @Test
  void healthyBackendUnderSaturationGetsNearlyEverySpan() throws Exception {
    healthy();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void deadBackendCostsTheServiceNothingAndExportRecovers(Kind kind) throws Exception {
    Baseline baseline = healthy();
    int port = FaultyBackend.freePort();
    String service = "fault-" + kind.name().toLowerCase();
    try (FaultyBackend backend = FaultyBackend.start(kind, port)) {
      long startNanos = System.nanoTime();
      try (DemoService demo = DemoService.start(Jdk.current(), settings(service, port), Map.of())) {
        long startMillis = (System.nanoTime() - startNanos) / 1_000_000;
        LoadRun load = LoadRun.run(uri(demo), BODY, CLIENTS, WARM_UP, MEASURED);
        System.out.printf("%s: start %d ms, %s (healthy: start %d ms, %s)%n",
            kind, startMillis, load, baseline.startMillis(), baseline.load());

        assertThat(load.errors()).as("failed requests").isZero();
        assertThat(load.requestsPerSecond())
            .as("throughput vs healthy %s", baseline.load())
            .isGreaterThanOrEqualTo(0.7 * baseline.load().requestsPerSecond());
        assertThat(load.p99Millis())
            .as("p99 vs healthy %s", baseline.load())
            .isLessThanOrEqualTo(Math.max(2.5 * baseline.load().p99Millis(), baseline.load().p99Millis() + 50));
        if (kind == Kind.BLACK_HOLE) {
          // Start-up must not wait for a backend that never answers (an OTLP timeout is 10 s).
          assertThat(startMillis).as("start-up vs healthy (%d ms)", baseline.startMillis())
              .isLessThan(baseline.startMillis() + 3000);
        }

        try (JmxClient jmx = JmxClient.attach(demo.process().pid())) {
          await(jmx::hasSpanExport, "the SpanExport MBean");
          assertThat(jmx.heapUsedAfterGc()).as("heap after GC")
              .isLessThan(baseline.heapAfterGc() + HEAP_ALLOWANCE);
          long created = jmx.spanExport("SpansCreated");
          assertThat(created).isGreaterThanOrEqualTo(3 * load.requests());
          assertThat(jmx.spanExport("SpansExported")).isZero();
          await(() -> jmx.spanExport("SpansDropped") + jmx.spanExport("SpansFailed") > 0, "lost spans counted");

          String line = demo.process().awaitStderr(
              Pattern.compile("\\[baton\\] WARN span export: \\d+ spans dropped for a full queue \\(capacity 8192\\),"
                  + " \\d+ spans in failed exports .* since start; totals: created \\d+.*"),
              Duration.ofSeconds(30));
          System.out.println(kind + ": " + line);

          // The backend comes back on the same port: new spans arrive, the counter moves on.
          backend.close();
          try (OtlpReceiver receiver = new OtlpReceiver(port)) {
            for (int i = 0; i < 5; i++) {
              assertThat(demo.get("/hello").body()).isEqualTo(BODY);
            }
            receiver.await(s -> s.serviceName().equals(service), 15, Duration.ofSeconds(90));
            await(() -> jmx.spanExport("SpansExported") >= 15, "exported counter after recovery");
            demo.process().awaitStderr(Pattern.compile("\\[baton\\] INFO span export recovered"),
                Duration.ofSeconds(60));
          }
        }
      }
    }
  }

  private static synchronized Baseline healthy() throws Exception {
    if (healthy != null) {
      return healthy;
    }
    int port = FaultyBackend.freePort();
    String service = "healthy";
    try (OtlpReceiver receiver = new OtlpReceiver(port)) {
      long startNanos = System.nanoTime();
      try (DemoService demo = DemoService.start(Jdk.current(), settings(service, port), Map.of())) {
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
          healthy = new Baseline(load, startMillis, jmx.heapUsedAfterGc());
        }
      }
    }
    return healthy;
  }

  /** The agent's defaults, exporting over OTLP/HTTP to 127.0.0.1:port. */
  private static List<String> settings(String service, int port) {
    List<String> settings = new java.util.ArrayList<>(List.of(
        "-Dotel.service.name=" + service,
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + port));
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
