package dev.baton.instrumentation.api.gaps;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code permits} a period, counted from the first acquisition in each period. Cheap and
 * approximate: when a period turns over, a few racing threads may each start it afresh.
 */
final class PeriodLimit {

  private final int permits;
  private final long periodNanos;
  private final AtomicInteger used = new AtomicInteger();
  private volatile long periodStart = System.nanoTime();

  PeriodLimit(int permits, long periodNanos) {
    this.permits = permits;
    this.periodNanos = periodNanos;
  }

  boolean tryAcquire() {
    long now = System.nanoTime();
    if (now - periodStart >= periodNanos) {
      periodStart = now;
      used.set(0);
    }
    return used.incrementAndGet() <= permits;
  }
}
