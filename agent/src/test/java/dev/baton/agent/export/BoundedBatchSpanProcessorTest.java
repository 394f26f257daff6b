package dev.baton.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The processor with the real SDK tracer in front of it and exporters whose answers the test
 * controls: answering at once, failing, or never answering (a backend that black-holes).
 */
class BoundedBatchSpanProcessorTest {

  private SdkTracerProvider provider;

  @AfterEach
  void shutDown() {
    if (provider != null) {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void queueIsBoundedAndEveryDropIsCounted() throws Exception {
    ControlledExporter exporter = ControlledExporter.neverAnswering();
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .maxQueueSize(10).maxExportBatchSize(5).scheduleDelay(Duration.ofMillis(10))
        .exportTimeout(Duration.ofHours(1)).shutdownTimeout(Duration.ofMillis(200)).build();
    Tracer tracer = tracer(processor);

    for (int i = 0; i < 1000; i++) {
      tracer.spanBuilder("span-" + i).startSpan().end();
    }
    // Two batches are stuck in flight, the queue is full, everything else was dropped.
    awaitTrue(() -> exporter.batchSizes.size() == 2 && processor.stats().getQueueSize() == 10);
    SpanExportStats stats = processor.stats();
    assertThat(exporter.received.size()).isBetween(2, 2 * 5);
    assertThat(stats.getSpansCreated()).isEqualTo(1000);
    assertThat(stats.getQueueSize()).isEqualTo(10);
    assertThat(stats.getSpansDropped()).isEqualTo(1000 - 10 - exporter.received.size());
    assertThat(stats.getSpansExported()).isZero();
    assertThat(stats.getQueueCapacity()).isEqualTo(10);
  }

  @Test
  void exportedAndFailedAreCountedPerSpan() throws Exception {
    ControlledExporter exporter = ControlledExporter.answering(true);
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .maxQueueSize(100).maxExportBatchSize(7).scheduleDelay(Duration.ofHours(1)).build();
    Tracer tracer = tracer(processor);
    for (int i = 0; i < 30; i++) {
      tracer.spanBuilder("ok").startSpan().end();
    }
    assertThat(processor.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(exporter.received).hasSize(30);
    assertThat(exporter.batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
    assertThat(processor.stats().getSpansExported()).isEqualTo(30);

    exporter.success = false;
    for (int i = 0; i < 12; i++) {
      tracer.spanBuilder("lost").startSpan().end();
    }
    processor.forceFlush().join(10, TimeUnit.SECONDS);
    SpanExportStats stats = processor.stats();
    assertThat(stats.getSpansFailed()).isEqualTo(12);
    assertThat(stats.getSpansCreated()).isEqualTo(42);
    assertThat(stats.getSpansDropped()).isZero();
  }

  @Test
  void unsampledSpansAreNeitherCreatedNorExported() {
    ControlledExporter exporter = ControlledExporter.answering(true);
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter).build();
    provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff())
        .addSpanProcessor(processor).build();
    provider.get("test").spanBuilder("unsampled").startSpan().end();
    processor.forceFlush().join(10, TimeUnit.SECONDS);
    assertThat(processor.stats().getSpansCreated()).isZero();
    assertThat(exporter.received).isEmpty();
  }

  @Test
  void anExportWithoutAnswerFailsAtTheExportTimeout() throws Exception {
    ControlledExporter exporter = ControlledExporter.neverAnswering();
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .maxQueueSize(100).maxExportBatchSize(4).scheduleDelay(Duration.ofMillis(10))
        .exportTimeout(Duration.ofMillis(200)).build();
    Tracer tracer = tracer(processor);
    for (int i = 0; i < 12; i++) {
      tracer.spanBuilder("span").startSpan().end();
    }
    awaitTrue(() -> processor.stats().getSpansFailed() == 12);
    assertThat(processor.stats().getSpansExported()).isZero();
  }

  @Test
  void belowAFullBatchExportsGoOneAtATimeInTheOrderTheirSpansEnded() throws Exception {
    ControlledExporter exporter = ControlledExporter.neverAnswering();
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .maxQueueSize(100).maxExportBatchSize(50).scheduleDelay(Duration.ofMillis(10))
        .exportTimeout(Duration.ofMillis(500)).build();
    Tracer tracer = tracer(processor);

    tracer.spanBuilder("child").startSpan().end();
    awaitTrue(() -> exporter.batchSizes.size() == 1);
    tracer.spanBuilder("parent").startSpan().end();
    Thread.sleep(200);
    // The first export is unanswered: the second waits for it rather than overtaking it.
    assertThat(exporter.batchSizes).hasSize(1);

    awaitTrue(() -> exporter.batchSizes.size() == 2);
    assertThat(exporter.received).extracting(SpanData::getName).containsExactly("child", "parent");
  }

  @Test
  void shutdownExportsWhatIsQueued() {
    ControlledExporter exporter = ControlledExporter.answering(true);
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .scheduleDelay(Duration.ofHours(1)).build();
    Tracer tracer = tracer(processor);
    for (int i = 0; i < 3; i++) {
      tracer.spanBuilder("last words").startSpan().end();
    }
    assertThat(processor.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(exporter.received).hasSize(3);
    assertThat(exporter.shutDown).isTrue();
    tracer.spanBuilder("after shutdown").startSpan().end();
    assertThat(processor.stats().getSpansDropped()).isEqualTo(1);
  }

  @Test
  void shutdownWithABlackHoleEndsWithinItsBound() {
    ControlledExporter exporter = ControlledExporter.neverAnswering();
    BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
        .maxQueueSize(1000).maxExportBatchSize(10).scheduleDelay(Duration.ofHours(1))
        .exportTimeout(Duration.ofHours(1)).shutdownTimeout(Duration.ofMillis(500)).build();
    Tracer tracer = tracer(processor);
    for (int i = 0; i < 100; i++) {
      tracer.spanBuilder("span").startSpan().end();
    }
    long start = System.nanoTime();
    CompletableResultCode result = processor.shutdown().join(10, TimeUnit.SECONDS);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(result.isDone()).isTrue();
    assertThat(millis).isLessThan(3000);
    SpanExportStats stats = processor.stats();
    // Two batches went out and were never answered; the rest could not be sent in time.
    assertThat(stats.getSpansFailed()).isEqualTo(20);
    assertThat(stats.getSpansDropped()).isEqualTo(80);
    assertThat(stats.getSpansExported()).isZero();
  }

  @Test
  void workerStartHookGetsTheCountersOnTheExportThread() throws Exception {
    java.util.concurrent.atomic.AtomicReference<SpanExportStats> seen = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<String> thread = new java.util.concurrent.atomic.AtomicReference<>();
    BoundedBatchSpanProcessor processor =
        BoundedBatchSpanProcessor.builder(ControlledExporter.answering(true))
            .onWorkerStart(stats -> {
              thread.set(Thread.currentThread().getName());
              seen.set(stats);
            })
            .build();
    tracer(processor);
    awaitTrue(() -> seen.get() != null);
    assertThat(seen.get()).isSameAs(processor.stats());
    assertThat(thread.get()).isEqualTo(BoundedBatchSpanProcessor.THREAD_NAME);
  }

  @Test
  void exportThreadIsANamedDaemon() {
    BoundedBatchSpanProcessor processor =
        BoundedBatchSpanProcessor.builder(ControlledExporter.answering(true)).build();
    tracer(processor);
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().equals(BoundedBatchSpanProcessor.THREAD_NAME))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
  }

  @Test
  void dropsAreLoggedAtOnceThenAtMostOncePerIntervalWithCountsSinceTheLastLine() throws Exception {
    ControlledExporter exporter = ControlledExporter.answering(false);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      BoundedBatchSpanProcessor processor = BoundedBatchSpanProcessor.builder(exporter)
          .maxQueueSize(100).maxExportBatchSize(10).scheduleDelay(Duration.ofMillis(20))
          .logInterval(Duration.ofSeconds(1)).build();
      Tracer tracer = tracer(processor);
      for (int i = 0; i < 10; i++) {
        tracer.spanBuilder("span").startSpan().end();
      }
      awaitTrue(() -> lines(captured).size() == 1);
      for (int i = 0; i < 5; i++) {
        tracer.spanBuilder("span").startSpan().end();
      }
      awaitTrue(() -> processor.stats().getSpansFailed() == 15);
      Thread.sleep(300);
      assertThat(lines(captured)).as("still within the interval").hasSize(1);
      awaitTrue(() -> lines(captured).size() == 2);
      List<String> lines = lines(captured);
      assertThat(lines.get(0)).startsWith("[baton] WARN")
          .contains("10 spans in failed exports (java.io.IOException: backend said no) since start")
          .contains("dev.baton:type=SpanExport");
      assertThat(lines.get(1)).contains("5 spans in failed exports")
          .contains("since the last message")
          .contains("totals: created 15, exported 0, dropped 0, failed 15");

      exporter.success = true;
      tracer.spanBuilder("span").startSpan().end();
      awaitTrue(() -> captured.toString(StandardCharsets.UTF_8).contains("span export recovered"));
    } finally {
      System.setErr(originalErr);
    }
  }

  private static List<String> lines(ByteArrayOutputStream captured) {
    return captured.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("span export:")).toList();
  }

  private Tracer tracer(BoundedBatchSpanProcessor processor) {
    provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    return provider.get("test");
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }

  /** Answers every export with success or failure, or never (a backend that accepts and hangs). */
  static final class ControlledExporter implements SpanExporter {
    final List<SpanData> received = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final boolean answers;
    volatile boolean success;
    volatile boolean shutDown;

    private ControlledExporter(boolean answers, boolean success) {
      this.answers = answers;
      this.success = success;
    }

    static ControlledExporter answering(boolean success) {
      return new ControlledExporter(true, success);
    }

    static ControlledExporter neverAnswering() {
      return new ControlledExporter(false, false);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      received.addAll(spans);
      batchSizes.add(spans.size());
      if (!answers) {
        return new CompletableResultCode();
      }
      return success
          ? CompletableResultCode.ofSuccess()
          : CompletableResultCode.ofExceptionalFailure(new java.io.IOException("backend said no"));
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      shutDown = true;
      return CompletableResultCode.ofSuccess();
    }
  }
}
