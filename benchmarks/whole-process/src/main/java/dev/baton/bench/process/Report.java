package dev.baton.bench.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: one table with ratios against no agent, then the targets. */
final class Report {

  private Report() {}

  static String markdown(String date, String machine, WholeProcessRunner.Settings settings,
      List<Measurement> all, Path batonJar, Path otelJar, long runSeconds) {
    Measurement base = all.get(0);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Whole-process benchmark, %s, %s%s. Start-up: median of %d launches; load: %d connections, "
            + "%d s warm-up, %d s measured, %d round(s); run took %d min.%n%n",
        date, machine, settings.quick() ? " — QUICK MODE (short warm-up: indicative only)" : "",
        settings.launches(), settings.concurrency(), settings.warmupSeconds(), settings.measureSeconds(),
        settings.rounds(), runSeconds / 60));
    out.append("| Variant | Start-up to 1st request | Allocated in start-up | Throughput | p50 | p99 | CPU per request "
        + "| Peak RSS | Heap after load | Allocated per request | Classes loaded | Spans received / created "
        + "| Agent jar |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Measurement m : all) {
      out.append("| ").append(m.variant.label())
          .append(" | ").append(f("%.2f s", m.medianStartup())).append(ratio(m.medianStartup(), base.medianStartup(), m))
          .append(" | ").append(f("%.0f MB", m.medianStartupAllocated() / 1048576))
          .append(ratio(m.medianStartupAllocated(), base.medianStartupAllocated(), m))
          .append(" | ").append(f("%.0f/s", m.throughput)).append(ratio(m.throughput, base.throughput, m))
          .append(" | ").append(f("%.2f ms", m.p50Micros / 1000.0)).append(ratio(m.p50Micros, base.p50Micros, m))
          .append(" | ").append(f("%.2f ms", m.p99Micros / 1000.0)).append(ratio(m.p99Micros, base.p99Micros, m))
          .append(" | ").append(f("%.3f ms", m.cpuMillisPerRequest)).append(ratio(m.cpuMillisPerRequest, base.cpuMillisPerRequest, m))
          .append(" | ").append(f("%d MB", m.peakRssKb / 1024)).append(added((m.peakRssKb - base.peakRssKb) / 1024.0, "MB", m))
          .append(" | ").append(f("%.0f MB", m.heapAfterLoadBytes / 1048576.0))
          .append(added((m.heapAfterLoadBytes - base.heapAfterLoadBytes) / 1048576.0, "MB", m))
          .append(" | ").append(f("%.1f KB", m.allocatedBytesPerRequest / 1024))
          .append(added((m.allocatedBytesPerRequest - base.allocatedBytesPerRequest) / 1024, "KB", m))
          .append(" | ").append(m.classesLoaded).append(ratio(m.classesLoaded, base.classesLoaded, m))
          .append(" | ").append(m.variant.exporting()
              ? f("%d / %d (%.1f %%)", m.spansReceived, m.spansCreated, 100.0 * m.spansReceived / Math.max(1, m.spansCreated))
              : "—")
          .append(" | ").append(m.variant.agentJar() == null ? "—"
              : f("%.1f MB", WholeProcessRunner.fileSize(m.variant.agentJar()) / 1048576.0))
          .append(" |\n");
    }
    for (Measurement m : all) {
      if (m.errors > 0) {
        out.append(f("%n%s: %d failed requests during the load.%n", m.variant.label(), m.errors));
      }
    }
    out.append(targets(all, base, batonJar, otelJar));
    return out.toString();
  }

  private static String targets(List<Measurement> all, Measurement base, Path batonJar, Path otelJar) {
    Measurement otel = find(all, "OpenTelemetry agent, OTLP");
    Measurement baton = find(all, "Baton, OTLP");
    Measurement forward = find(all, "Baton forward mode");
    StringBuilder out = new StringBuilder("\n| Target (issue 7) | Measured | Met |\n|---|---|---|\n");
    double startupShare = share(baton.medianStartup() - base.medianStartup(), otel.medianStartup() - base.medianStartup());
    row(out, "Start-up added ≤ 20 % of the OpenTelemetry agent's (both exporting)", f("%.0f %%", startupShare), startupShare <= 20);
    double throughput = 100 * baton.throughput / base.throughput;
    row(out, "Throughput exporting ≥ 97 % of no agent", f("%.1f %%", throughput), throughput >= 97);
    double p99 = (double) baton.p99Micros / base.p99Micros;
    row(out, "p99 ≤ 1.05 × no agent and below the OpenTelemetry agent's",
        f("×%.2f (OpenTelemetry ×%.2f)", p99, (double) otel.p99Micros / base.p99Micros),
        p99 <= 1.05 && baton.p99Micros < otel.p99Micros);
    double alloc = share(baton.allocatedBytesPerRequest - base.allocatedBytesPerRequest,
        otel.allocatedBytesPerRequest - base.allocatedBytesPerRequest);
    row(out, "Allocation added ≤ 50 % of the OpenTelemetry agent's", f("%.0f %%", alloc), alloc <= 50);
    double rss = share(baton.peakRssKb - base.peakRssKb, otel.peakRssKb - base.peakRssKb);
    row(out, "Peak RSS added ≤ 50 % of the OpenTelemetry agent's", f("%.0f %%", rss), rss <= 50);
    double jar = share(WholeProcessRunner.fileSize(batonJar), WholeProcessRunner.fileSize(otelJar));
    row(out, "Agent jar ≤ 33 % of the OpenTelemetry agent's", f("%.0f %%", jar), jar <= 33);
    double delivered = 100.0 * baton.spansReceived / Math.max(1, baton.spansCreated);
    row(out, "Spans delivered at saturation ≥ 95 %",
        f("%.1f %% (OpenTelemetry agent %.1f %%)", delivered, 100.0 * otel.spansReceived / Math.max(1, otel.spansCreated)),
        delivered >= 95);
    double fwdThroughput = 100 * forward.throughput / base.throughput;
    double fwdP99 = (double) forward.p99Micros / base.p99Micros;
    row(out, "Forward mode: throughput ≥ 99 %, p99 ≤ 1.02 ×", f("%.1f %%, ×%.2f", fwdThroughput, fwdP99),
        fwdThroughput >= 99 && fwdP99 <= 1.02);
    return out.toString();
  }

  private static void row(StringBuilder out, String target, String measured, boolean met) {
    out.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  private static double share(double part, double whole) {
    return whole <= 0 ? Double.NaN : 100 * part / whole;
  }

  private static Measurement find(List<Measurement> all, String label) {
    return all.stream().filter(m -> m.variant.label().equals(label)).findFirst().orElseThrow();
  }

  private static String ratio(double value, double base, Measurement m) {
    return m.variant.isBaseline() || base == 0 ? "" : f(" (×%.2f)", value / base);
  }

  private static String added(double value, String unit, Measurement m) {
    return m.variant.isBaseline() ? "" : f(" (%+.1f %s)", value, unit);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
