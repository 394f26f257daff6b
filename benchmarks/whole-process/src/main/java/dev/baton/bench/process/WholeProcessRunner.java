package dev.baton.bench.process;

import dev.baton.testing.KafkaBroker;
import dev.baton.testing.OtlpReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole-process benchmark: starts a Kafka broker and a counting OTLP receiver, then the bench
 * service once per launch with every {@link Variant}, in alternating order (each round starts
 * with the next variant), and writes one Markdown table (see {@link Report}).
 *
 * <p>Options: {@code --baton JAR --otel JAR --service JAR --broker-classpath FILE --results DIR}
 * (set by {@code benchmarks/run-whole-process.sh}), and {@code --quick} (3 launches, 10 s warm-up,
 * 10 s measured: for development only, the JIT is far from steady), {@code --launches N},
 * {@code --warmup S}, {@code --measure S}, {@code --concurrency N}, {@code --rounds N} (load runs
 * per variant).
 */
public final class WholeProcessRunner {

  /** Spans each {@code GET /api} makes with an agent attached (see the bench service). */
  static final int SPANS_PER_REQUEST = 5;

  private WholeProcessRunner() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    boolean quick = options.containsKey("quick");
    Settings settings = new Settings(
        Integer.parseInt(options.getOrDefault("launches", quick ? "3" : "5")),
        Integer.parseInt(options.getOrDefault("warmup", quick ? "10" : "90")),
        Integer.parseInt(options.getOrDefault("measure", quick ? "10" : "60")),
        Integer.parseInt(options.getOrDefault("concurrency", "8")),
        Integer.parseInt(options.getOrDefault("rounds", "1")),
        quick);
    Path batonJar = Path.of(options.get("baton"));
    Path otelJar = Path.of(options.get("otel"));
    Path serviceJar = Path.of(options.get("service"));
    Path results = Path.of(options.get("results"));
    Path logs = results.resolve("logs");
    long started = System.nanoTime();

    try (KafkaBroker broker = KafkaBroker.start(Path.of(options.get("broker-classpath")));
        OtlpReceiver receiver = OtlpReceiver.counting()) {
      List<Variant> variants = Variant.all(batonJar, otelJar, receiver.endpoint());
      Map<Variant, Measurement> measurements = new LinkedHashMap<>();
      variants.forEach(v -> measurements.put(v, new Measurement(v)));
      String kafka = broker.bootstrapServers();

      // Warms the broker (topic creation, page cache) so that the first variant pays nothing extra.
      try (ServiceProcess warm = ServiceProcess.start(variants.get(0), serviceJar, kafka, logs.resolve("warm.log"))) {
        warm.awaitFirstRequest();
      }

      for (int launch = 0; launch < settings.launches(); launch++) {
        for (Variant variant : rotated(variants, launch)) {
          Measurement m = measurements.get(variant);
          try (ServiceProcess service = ServiceProcess.start(variant, serviceJar, kafka,
              logs.resolve("startup-" + slug(variant) + "-" + launch + ".log"))) {
            double seconds = service.awaitFirstRequest();
            m.startupSeconds.add(seconds);
            double allocated = service.stats(false).allocatedBytes();
            m.startupAllocatedBytes.add(allocated);
            System.out.printf("start-up %-34s %.2f s, %.0f MB allocated%n", variant.label(), seconds, allocated / 1048576);
          }
        }
      }

      for (int round = 0; round < settings.rounds(); round++) {
        for (Variant variant : rotated(variants, round)) {
          load(variant, measurements.get(variant), settings, serviceJar, kafka, receiver,
              logs.resolve("load-" + slug(variant) + "-" + round + ".log"));
        }
      }

      String machine = Runtime.getRuntime().availableProcessors() + " cores, "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
      String table = Report.markdown(LocalDate.now().toString(), machine, settings,
          new ArrayList<>(measurements.values()), batonJar, otelJar,
          (System.nanoTime() - started) / 1_000_000_000L);
      Files.createDirectories(results);
      Path file = results.resolve(LocalDate.now() + (quick ? "-quick" : "") + ".md");
      Files.writeString(file, table, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println(table);
      System.out.println("written to " + file);
    }
  }

  private static void load(Variant variant, Measurement m, Settings settings, Path serviceJar, String kafka,
      OtlpReceiver receiver, Path log) throws Exception {
    try (ServiceProcess service = ServiceProcess.start(variant, serviceJar, kafka, log)) {
      service.awaitFirstRequest();
      receiver.clear();
      Stats beforeLoad = service.stats(false);
      String result = runLoadGenerator(service, settings);
      m.readLoadResult(result);
      Stats afterLoad = service.stats(false);
      if (variant.exporting()) {
        awaitExportSettled(receiver);
      }
      // Spans of the requests before the load (the start-up probe) were counted before clear().
      m.spansCreated = SPANS_PER_REQUEST * (afterLoad.apiRequests() - beforeLoad.apiRequests());
      m.spansReceived = receiver.receivedCount();
      Stats collected = service.stats(true);
      m.heapAfterLoadBytes = collected.heapUsedBytes();
      m.classesLoaded = collected.classesLoaded();
      m.peakRssKb = service.procStatusKb("VmHWM");
      System.out.printf("load     %-34s %.0f req/s, p50 %.2f ms, p99 %.2f ms, peak RSS %d MB, %.0f B/req%n",
          variant.label(), m.throughput, m.p50Micros / 1000.0, m.p99Micros / 1000.0, m.peakRssKb / 1024,
          m.allocatedBytesPerRequest);
    }
  }

  private static String runLoadGenerator(ServiceProcess service, Settings settings) throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
        Integer.toString(service.port), Long.toString(service.process.pid()),
        Integer.toString(settings.concurrency()), Integer.toString(settings.warmupSeconds()),
        Integer.toString(settings.measureSeconds()));
    Process load = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!load.waitFor(settings.warmupSeconds() + settings.measureSeconds() + 120L, TimeUnit.SECONDS)
        || load.exitValue() != 0) {
      load.destroyForcibly();
      throw new IllegalStateException("the load generator failed: " + output);
    }
    return output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no RESULT from the load generator: " + output));
  }

  /**
   * Waits until the agent's batch exporter has sent what it had queued: the count has not moved
   * for 3 s, at least 7 s after the load (both agents export every 5 s by default), 60 s at most.
   */
  private static void awaitExportSettled(OtlpReceiver receiver) throws InterruptedException {
    long start = System.nanoTime();
    long last = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
      long now = receiver.receivedCount();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3)
          && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(7)) {
        return;
      }
      Thread.sleep(250);
    }
  }

  /** The variants starting at {@code offset}, so that no variant always runs first or last. */
  static List<Variant> rotated(List<Variant> variants, int offset) {
    List<Variant> order = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      order.add(variants.get((i + offset) % variants.size()));
    }
    return order;
  }

  private static String slug(Variant variant) {
    return variant.label().toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (key.equals("quick")) {
        options.put(key, "true");
      } else if (i + 1 < args.length) {
        options.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
    }
    for (String required : List.of("baton", "otel", "service", "broker-classpath", "results")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    return options;
  }

  record Settings(int launches, int warmupSeconds, int measureSeconds, int concurrency, int rounds, boolean quick) {}

  static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
