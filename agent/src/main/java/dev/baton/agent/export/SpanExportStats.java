package dev.baton.agent.export;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The export pipeline's counters. Created and dropped are counted on the application's threads
 * (where spans end), so they are {@link LongAdder}s: no contended cache line on the hot path.
 */
public final class SpanExportStats implements SpanExportMBean {

  private final LongAdder created = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final IntSupplier queueSize;
  private final int queueCapacity;

  SpanExportStats(IntSupplier queueSize, int queueCapacity) {
    this.queueSize = queueSize;
    this.queueCapacity = queueCapacity;
  }

  void created() {
    created.increment();
  }

  void dropped(long spans) {
    dropped.add(spans);
  }

  void exported(long spans) {
    exported.addAndGet(spans);
  }

  void failed(long spans) {
    failed.addAndGet(spans);
  }

  @Override
  public long getSpansCreated() {
    return created.sum();
  }

  @Override
  public long getSpansExported() {
    return exported.get();
  }

  @Override
  public long getSpansDropped() {
    return dropped.sum();
  }

  @Override
  public long getSpansFailed() {
    return failed.get();
  }

  @Override
  public int getQueueSize() {
    return queueSize.getAsInt();
  }

  @Override
  public int getQueueCapacity() {
    return queueCapacity;
  }

  @Override
  public String toString() {
    return "created " + getSpansCreated() + ", exported " + getSpansExported() + ", dropped "
        + getSpansDropped() + ", failed " + getSpansFailed();
  }
}
