package dev.baton.agent.export;

import dev.baton.bootstrap.InstrumentationSuppression;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Batches ended spans into a bounded queue and exports them from one daemon thread, {@value
 * #THREAD_NAME}. Replaces the SDK's {@code BatchSpanProcessor} for three reasons: its thread is
 * named {@code BatchSpanProcessor_WorkerThread}, its drop count is only an SDK metric (nothing the
 * agent can log or expose over JMX), and it waits for each export's answer before taking the next
 * batch, so under load a round trip to the backend is time the queue fills without being drained.
 * Here up to {@value #MAX_EXPORTS_IN_FLIGHT} exports are in flight at once when a full batch is
 * waiting; below that, batches go one at a time and arrive in the order their spans ended.
 *
 * <p>The application's threads only ever {@link BoundedSpanQueue#offer offer} a span (no lock, no
 * wait, no allocation); when the queue is full the span is dropped and counted. Everything else
 * (batching, export, timeouts, the rate-limited log line) happens on the export thread.
 */
public final class BoundedBatchSpanProcessor implements SpanProcessor {

  static final String THREAD_NAME = "baton-span-export";
  static final int MAX_EXPORTS_IN_FLIGHT = 2;
  /** Longest single wait on an export, so a shutdown or flush request is seen promptly. */
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final SpanExporter exporter;
  private final BoundedSpanQueue<ReadableSpan> queue;
  private final int batchSize;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final long shutdownTimeoutNanos;
  private final SpanExportStats stats;
  private final ExportReport report;
  private final Consumer<SpanExportStats> onWorkerStart;
  private final Thread worker;

  /** Set by the worker just before it parks, cleared by whoever wakes it. */
  private final AtomicBoolean workerParked = new AtomicBoolean();
  private final AtomicReference<CompletableResultCode> flushRequest = new AtomicReference<>();
  private final CompletableResultCode shutdownResult = new CompletableResultCode();
  private final AtomicBoolean shutdownRequested = new AtomicBoolean();
  private volatile long shutdownDeadlineNanos;
  /** Exports sent and not yet answered; touched by the worker only. */
  private final ArrayDeque<Export> inFlight = new ArrayDeque<>();

  private BoundedBatchSpanProcessor(Builder builder) {
    this.exporter = builder.exporter;
    this.queue = new BoundedSpanQueue<>(builder.maxQueueSize);
    this.batchSize = Math.min(builder.maxExportBatchSize, builder.maxQueueSize);
    this.scheduleDelayNanos = builder.scheduleDelay.toNanos();
    this.exportTimeoutNanos = builder.exportTimeout.toNanos();
    this.shutdownTimeoutNanos = builder.shutdownTimeout.toNanos();
    this.stats = new SpanExportStats(queue::size, queue.capacity());
    this.report = new ExportReport(stats, builder.logInterval.toNanos());
    this.onWorkerStart = builder.onWorkerStart;
    this.worker = DaemonThreads.factory(THREAD_NAME).newThread(this::run);
    worker.start();
  }

  public static Builder builder(SpanExporter exporter) {
    return new Builder(exporter);
  }

  public SpanExportStats stats() {
    return stats;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (!span.getSpanContext().isSampled()) {
      return;
    }
    stats.created();
    if (shutdownRequested.get() || !queue.offer(span)) {
      stats.dropped(1);
      return;
    }
    if (workerParked.get() && queue.size() >= batchSize) {
      wakeWorker();
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** Exports everything queued now; completes when those exports are answered (or timed out). */
  @Override
  public CompletableResultCode forceFlush() {
    if (shutdownRequested.get()) {
      return shutdownResult;
    }
    CompletableResultCode request = new CompletableResultCode();
    if (!flushRequest.compareAndSet(null, request)) {
      CompletableResultCode pending = flushRequest.get();
      return pending != null ? pending : CompletableResultCode.ofSuccess();
    }
    wakeWorker();
    return request;
  }

  /**
   * Stops taking spans, exports what is queued and waits for the answers, all within the shutdown
   * bound; what is left then is counted as dropped (or failed, if its export was not answered).
   */
  @Override
  public CompletableResultCode shutdown() {
    if (shutdownRequested.compareAndSet(false, true)) {
      shutdownDeadlineNanos = System.nanoTime() + shutdownTimeoutNanos;
      wakeWorker();
    }
    return shutdownResult;
  }

  private void wakeWorker() {
    workerParked.set(false);
    LockSupport.unpark(worker);
  }

  private void run() {
    try {
      onWorkerStart.accept(stats);
    } catch (Throwable t) {
      // the hook (JMX registration) is optional; export goes on without it
    }
    long nextExportNanos = System.nanoTime() + scheduleDelayNanos;
    while (true) {
      try {
        if (shutdownRequested.get()) {
          finishShutdown();
          return;
        }
        long now = System.nanoTime();
        retireFinished(now);
        CompletableResultCode flush = flushRequest.get();
        boolean due = flush != null || now - nextExportNanos >= 0;
        if (due || queue.size() >= batchSize) {
          exportQueued(due);
          nextExportNanos = System.nanoTime() + scheduleDelayNanos;
        }
        if (flush != null) {
          awaitAllInFlight(System.nanoTime() + exportTimeoutNanos);
          exporter.flush().join(exportTimeoutNanos, TimeUnit.NANOSECONDS);
          flushRequest.compareAndSet(flush, null);
          flush.succeed();
        }
        report.logIfDue(System.nanoTime());
        Export oldest = inFlight.peekFirst();
        park(oldest == null || nextExportNanos - oldest.deadlineNanos < 0
            ? nextExportNanos
            : oldest.deadlineNanos);
      } catch (Throwable t) {
        // Never let the export thread die: spans would pile up unseen. Pause a moment instead.
        report.exportFailed(t);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  private void park(long untilNanos) {
    workerParked.set(true);
    if (queue.size() < batchSize && flushRequest.get() == null && !shutdownRequested.get()) {
      long wait = untilNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
    workerParked.set(false);
  }

  /** Exports full batches; with {@code all}, also the partial one left at the end. */
  private void exportQueued(boolean all) {
    while (queue.size() >= batchSize || (all && queue.size() > 0)) {
      if (!exportNextBatch(Long.MAX_VALUE)) {
        return;
      }
    }
  }

  /** Returns false if no batch could be sent before {@code deadlineNanos}. */
  private boolean exportNextBatch(long deadlineNanos) {
    // A second export goes out beside the first only when a full batch is waiting (the queue is
    // filling faster than one round trip drains it). Otherwise batches go one after another, so
    // they reach the backend in the order the spans ended: a parent ends after its children and
    // a backend (or a test) that has the parent has its children too.
    int allowed = queue.size() >= batchSize ? MAX_EXPORTS_IN_FLIGHT : 1;
    while (inFlight.size() >= allowed) {
      if (!awaitOldest(deadlineNanos)) {
        return false;
      }
    }
    List<SpanData> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
    ReadableSpan span;
    while (batch.size() < batchSize && (span = queue.poll()) != null) {
      batch.add(span.toSpanData());
    }
    if (batch.isEmpty()) {
      return true;
    }
    Export export = new Export(batch.size(), System.nanoTime() + exportTimeoutNanos);
    CompletableResultCode result;
    // The exporter's own HTTP traffic must never become spans.
    try (Scope ignored = InstrumentationSuppression.suppress(Context.root()).makeCurrent()) {
      result = exporter.export(batch);
    } catch (Throwable t) {
      result = CompletableResultCode.ofExceptionalFailure(t);
    }
    export.result = result;
    CompletableResultCode settled = result;
    result.whenComplete(() -> export.settle(settled.isSuccess(), settled.getFailureThrowable()));
    if (!result.isDone()) {
      inFlight.add(export);
    }
    return true;
  }

  /** Drops answered exports from the in-flight list, and fails those past their timeout. */
  private void retireFinished(long nowNanos) {
    inFlight.removeIf(export -> {
      if (export.result.isDone()) {
        return true;
      }
      if (nowNanos - export.deadlineNanos >= 0) {
        export.settle(false, null); // no answer within otel.bsp.export.timeout
        return true;
      }
      return false;
    });
  }

  /**
   * Waits for the oldest export until it is answered, its export timeout passes (then it counts as
   * failed), or {@code deadlineNanos}. Returns whether it is out of the way.
   */
  private boolean awaitOldest(long deadlineNanos) {
    Export oldest = inFlight.peekFirst();
    while (!oldest.result.isDone()) {
      long now = System.nanoTime();
      long until = Math.min(oldest.deadlineNanos, deadlineNanos);
      if (shutdownRequested.get()) {
        until = Math.min(until, shutdownDeadlineNanos);
      }
      if (now - until >= 0) {
        if (now - oldest.deadlineNanos >= 0) {
          oldest.settle(false, null); // no answer within otel.bsp.export.timeout
          break;
        }
        return false;
      }
      oldest.result.join(Math.min(until - now, WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS);
    }
    inFlight.pollFirst();
    return true;
  }

  private void awaitAllInFlight(long deadlineNanos) {
    while (!inFlight.isEmpty()) {
      if (!awaitOldest(deadlineNanos)) {
        return;
      }
    }
  }

  private void finishShutdown() {
    try {
      long deadline = shutdownDeadlineNanos;
      while (queue.size() > 0 && System.nanoTime() - deadline < 0) {
        if (!exportNextBatch(deadline)) {
          break;
        }
      }
      awaitAllInFlight(deadline);
      for (Export export : inFlight) {
        export.settle(false, null); // still unanswered at the shutdown bound
      }
      inFlight.clear();
      long left = 0;
      while (queue.poll() != null) {
        left++;
      }
      stats.dropped(left);
      long remaining = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100));
      exporter.shutdown().join(remaining, TimeUnit.NANOSECONDS);
      report.logAtShutdown();
    } catch (Throwable t) {
      // shutting down anyway
    } finally {
      CompletableResultCode flush = flushRequest.getAndSet(null);
      if (flush != null) {
        flush.succeed();
      }
      shutdownResult.succeed();
    }
  }

  /** One export: counted once, as exported or failed, by whichever comes first: answer or timeout. */
  private final class Export {
    final int spans;
    final long deadlineNanos;
    volatile CompletableResultCode result;
    private final AtomicBoolean settled = new AtomicBoolean();

    Export(int spans, long deadlineNanos) {
      this.spans = spans;
      this.deadlineNanos = deadlineNanos;
    }

    void settle(boolean success, Throwable failure) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      if (success) {
        stats.exported(spans);
      } else {
        stats.failed(spans);
        report.exportFailed(failure);
      }
    }
  }

  public static final class Builder {
    private final SpanExporter exporter;
    private int maxQueueSize = 8192;
    private int maxExportBatchSize = 1024;
    private Duration scheduleDelay = Duration.ofSeconds(5);
    private Duration exportTimeout = Duration.ofSeconds(30);
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private Duration logInterval = Duration.ofMinutes(1);
    private Consumer<SpanExportStats> onWorkerStart = stats -> {};

    private Builder(SpanExporter exporter) {
      this.exporter = exporter;
    }

    public Builder maxQueueSize(int value) {
      this.maxQueueSize = value;
      return this;
    }

    public Builder maxExportBatchSize(int value) {
      this.maxExportBatchSize = value;
      return this;
    }

    public Builder scheduleDelay(Duration value) {
      this.scheduleDelay = value;
      return this;
    }

    public Builder exportTimeout(Duration value) {
      this.exportTimeout = value;
      return this;
    }

    /** How long {@link #shutdown} may spend exporting what is queued. */
    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    /** At most one drop/failure line per interval (a minute unless a test wants it shorter). */
    Builder logInterval(Duration value) {
      this.logInterval = value;
      return this;
    }

    /**
     * Runs first thing on the export thread, with the counters: work that must not delay the
     * service's start-up (publishing them over JMX).
     */
    public Builder onWorkerStart(Consumer<SpanExportStats> value) {
      this.onWorkerStart = value;
      return this;
    }

    public BoundedBatchSpanProcessor build() {
      return new BoundedBatchSpanProcessor(this);
    }
  }
}
