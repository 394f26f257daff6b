package dev.baton.instrumentation.api.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts trace gaps by instrumentation (every one) and by application call site (those whose
 * stack was read: at most {@code stacksPerSecond} per instrumentation per second, so a hot broken
 * path costs a bounded number of stack walks). At most {@value #MAX_CALL_SITES} call sites are
 * kept; gaps at further sites are counted as overflow. A new call site is logged once, and at
 * most {@value #LOG_LINES_PER_MINUTE} such lines a minute.
 */
public final class GapRecorder {

  static final int MAX_CALL_SITES = 256;
  static final int LOG_LINES_PER_MINUTE = 10;

  private final int stacksPerSecond;
  private final Consumer<String> log;
  private final Consumer<GapRecorder> onFirstGap;
  private final Map<String, InstrumentationGaps> byInstrumentation = new ConcurrentHashMap<>();
  private final Map<String, SiteGaps> bySite = new ConcurrentHashMap<>();
  private final LongAdder overflow = new LongAdder();
  private final LongAdder unsampled = new LongAdder();
  private final PeriodLimit logLines = new PeriodLimit(LOG_LINES_PER_MINUTE, TimeUnit.MINUTES.toNanos(1));
  private final AtomicLong total = new AtomicLong();

  /**
   * @param log where the {@code [baton]} line for a new call site goes
   * @param onFirstGap called once, on the thread of the first gap (the agent registers its MBean)
   */
  public GapRecorder(int stacksPerSecond, Consumer<String> log, Consumer<GapRecorder> onFirstGap) {
    this.stacksPerSecond = stacksPerSecond;
    this.log = log;
    this.onFirstGap = onFirstGap;
  }

  /** @param scope the instrumentation scope name of the tracer ({@code baton.java-http-client}) */
  void record(String scope) {
    if (total.getAndIncrement() == 0) {
      onFirstGap.accept(this);
    }
    InstrumentationGaps counts =
        byInstrumentation.computeIfAbsent(scope, name -> new InstrumentationGaps(name, stacksPerSecond));
    String instrumentation = counts.name;
    counts.total.increment();
    if (!counts.stacks.tryAcquire()) {
      unsampled.increment();
      return;
    }
    CallSite site = CallSite.capture();
    String key = site.site + ' ' + instrumentation;
    SiteGaps gaps = bySite.get(key);
    if (gaps == null) {
      if (bySite.size() >= MAX_CALL_SITES) {
        overflow.increment();
        return;
      }
      SiteGaps created = new SiteGaps(site, instrumentation);
      gaps = bySite.putIfAbsent(key, created);
      if (gaps == null) {
        gaps = created;
        if (logLines.tryAcquire()) {
          log.accept("trace gap: a " + instrumentation + " call at " + site.site
              + " started a new trace while traced requests were being served; likely cause: "
              + site.cause + ". Further gaps are counted: JMX dev.baton:type=TraceGaps,"
              + " baton.gaps.report-file");
        }
      }
    }
    gaps.count.increment();
  }

  /** Gaps counted so far, all instrumentations. */
  public long total() {
    return total.get();
  }

  /**
   * The report: a header of {@code #} lines (totals by instrumentation, overflow, sampling), then
   * one tab-separated line per call site, most frequent first: call site, instrumentation,
   * count, first seen, likely cause.
   */
  public String report() {
    StringBuilder text = new StringBuilder();
    text.append("# Baton trace gaps: outbound calls that started a new trace while traced requests were being served\n");
    Map<String, Long> totals = new TreeMap<>();
    byInstrumentation.forEach((scope, counts) -> totals.put(counts.name, counts.total.sum()));
    text.append("# total ").append(total.get()).append(" by instrumentation ").append(totals).append('\n');
    text.append("# call sites ").append(bySite.size()).append(" (at most ").append(MAX_CALL_SITES)
        .append("), gaps at further sites ").append(overflow.sum())
        .append(", gaps whose stack was not read ").append(unsampled.sum())
        .append(" (at most ").append(stacksPerSecond).append(" per instrumentation per second)\n");
    text.append("# call site\tinstrumentation\tcount\tfirst seen\tlikely cause\n");
    List<SiteGaps> sites = new ArrayList<>(bySite.values());
    sites.sort((a, b) -> Long.compare(b.count.sum(), a.count.sum()));
    for (SiteGaps site : sites) {
      text.append(site.site.site).append('\t').append(site.instrumentation).append('\t')
          .append(site.count.sum()).append('\t').append(site.firstSeen).append('\t')
          .append(site.site.cause).append('\n');
    }
    return text.toString();
  }

  private static final class InstrumentationGaps {
    final String name;
    final LongAdder total = new LongAdder();
    final PeriodLimit stacks;

    InstrumentationGaps(String scope, int stacksPerSecond) {
      // the module's name, as in otel.instrumentation.<name>.enabled
      name = scope.startsWith("baton.") ? scope.substring("baton.".length()) : scope;
      stacks = new PeriodLimit(stacksPerSecond, TimeUnit.SECONDS.toNanos(1));
    }
  }

  private static final class SiteGaps {
    final CallSite site;
    final String instrumentation;
    final Instant firstSeen = Instant.now();
    final LongAdder count = new LongAdder();

    SiteGaps(CallSite site, String instrumentation) {
      this.site = site;
      this.instrumentation = instrumentation;
    }
  }
}
