package dev.baton.agent.export;

import io.opentelemetry.exporter.internal.FailedExportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export pipeline's log lines: when spans were dropped or failed to export, one line at once
 * and then at most one per interval (a minute), each with the counts since the line before and the
 * totals; one line when exports succeed again after such a line. Called by the export thread only
 * (never where spans end), except {@link #exportFailed}, which only notes the reason.
 */
final class ExportReport {

  private static final Logger LOG = LoggerFactory.getLogger("dev.baton.agent.export.SpanExport");

  private final SpanExportStats stats;
  private final long intervalNanos;
  private boolean loggedBefore;
  private boolean problemReported;
  private long lastLogNanos;
  private long droppedAtLastLog;
  private long failedAtLastLog;
  private long lostAtLastCheck;
  private long exportedAtLastCheck;
  private volatile String lastFailure = "no answer within otel.bsp.export.timeout";

  ExportReport(SpanExportStats stats, long intervalNanos) {
    this.stats = stats;
    this.intervalNanos = intervalNanos;
  }

  void exportFailed(Throwable failure) {
    if (failure != null) {
      lastFailure = describe(failure);
    }
  }

  /**
   * The reason as an operator wants it: {@code HTTP 503}, {@code gRPC UNAVAILABLE}, or the
   * exception underneath the OTLP exporter's wrapper ({@code java.net.ConnectException: ...}).
   */
  static String describe(Throwable failure) {
    if (failure instanceof FailedExportException.HttpExportException) {
      FailedExportException.HttpExportException http = (FailedExportException.HttpExportException) failure;
      if (http.failedWithResponse()) {
        return "HTTP " + http.getResponse().getStatusCode();
      }
    } else if (failure instanceof FailedExportException.GrpcExportException) {
      FailedExportException.GrpcExportException grpc = (FailedExportException.GrpcExportException) failure;
      if (grpc.failedWithResponse()) {
        String description = grpc.getResponse().getStatusDescription();
        return "gRPC " + grpc.getResponse().getStatusCode()
            + (description == null || description.isEmpty() ? "" : ": " + oneLine(description));
      }
    }
    Throwable reason =
        failure instanceof FailedExportException && failure.getCause() != null ? failure.getCause() : failure;
    String message = reason.getMessage();
    return message == null || message.isEmpty()
        ? reason.getClass().getName()
        : reason.getClass().getName() + ": " + oneLine(message);
  }

  void logIfDue(long nowNanos) {
    long lostTotal = stats.getSpansDropped() + stats.getSpansFailed();
    long exportedTotal = stats.getSpansExported();
    boolean lostSinceCheck = lostTotal > lostAtLastCheck;
    boolean exportedSinceCheck = exportedTotal > exportedAtLastCheck;
    lostAtLastCheck = lostTotal;
    exportedAtLastCheck = exportedTotal;
    long dropped = stats.getSpansDropped() - droppedAtLastLog;
    long failed = stats.getSpansFailed() - failedAtLastLog;
    if (problemReported && exportedSinceCheck && !lostSinceCheck) {
      // Exports succeed again: say so now, with whatever was lost since the last line.
      problemReported = false;
      LOG.info("span export recovered: exports succeed again; {} spans dropped, {} spans in failed"
          + " exports since the last message; totals: {}", dropped, failed, stats);
      remember(nowNanos);
      return;
    }
    if (dropped + failed == 0) {
      return;
    }
    if (loggedBefore && nowNanos - lastLogNanos < intervalNanos) {
      return;
    }
    LOG.warn("span export: {} spans dropped for a full queue (capacity {}), {} spans in failed"
            + " exports ({}) since {}; totals: {}. At most one such line a minute; counters in JMX {}",
        dropped, stats.getQueueCapacity(), failed, failed > 0 ? lastFailure : "none",
        loggedBefore ? "the last message" : "start", stats, SpanExportJmx.OBJECT_NAME);
    loggedBefore = true;
    problemReported = true;
    remember(nowNanos);
  }

  /** The last word: whatever was lost since the last line, so no drop goes unreported. */
  void logAtShutdown() {
    long dropped = stats.getSpansDropped() - droppedAtLastLog;
    long failed = stats.getSpansFailed() - failedAtLastLog;
    if (dropped + failed > 0) {
      LOG.warn("span export at shutdown: {} spans dropped, {} spans in failed exports since the"
          + " last message; totals: {}", dropped, failed, stats);
    }
  }

  private void remember(long nowNanos) {
    lastLogNanos = nowNanos;
    droppedAtLastLog = stats.getSpansDropped();
    failedAtLastLog = stats.getSpansFailed();
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
