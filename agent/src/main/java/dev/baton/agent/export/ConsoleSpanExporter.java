package dev.baton.agent.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code otel.traces.exporter=console}: one line per span on the agent's log (stderr), for
 * trying the agent out. Not meant for production traffic.
 */
public final class ConsoleSpanExporter implements SpanExporter {

  private static final Logger logger = LoggerFactory.getLogger(ConsoleSpanExporter.class);

  private volatile boolean shutdown;

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) {
      return CompletableResultCode.ofFailure();
    }
    for (SpanData span : spans) {
      logger.info("{}", format(span));
    }
    return CompletableResultCode.ofSuccess();
  }

  static String format(SpanData span) {
    StringBuilder line = new StringBuilder(256)
        .append("span '").append(span.getName()).append("' ")
        .append(span.getKind())
        .append(" trace=").append(span.getTraceId())
        .append(" span=").append(span.getSpanId());
    if (span.getParentSpanContext().isValid()) {
      line.append(" parent=").append(span.getParentSpanId());
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos());
    line.append(" duration=").append(micros / 1000).append('.')
        .append(String.format("%03d", micros % 1000)).append("ms");
    if (span.getStatus().getStatusCode() != io.opentelemetry.api.trace.StatusCode.UNSET) {
      line.append(" status=").append(span.getStatus().getStatusCode());
    }
    line.append(" scope=").append(span.getInstrumentationScopeInfo().getName());
    line.append(' ').append(span.getAttributes().asMap());
    return line.toString();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown = true;
    return CompletableResultCode.ofSuccess();
  }
}
