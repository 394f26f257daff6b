package dev.baton.logging;

import dev.baton.bootstrap.CurrentTrace;
import dev.baton.bootstrap.ForwardedHeaders;
import io.opentelemetry.context.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} formatter that prints the trace of the line: name it in
 * {@code logging.properties} ({@code java.util.logging.ConsoleHandler.formatter =
 * dev.baton.logging.TraceContextFormatter}). It lives on the bootstrap path, unrelocated, so the
 * JDK's LogManager finds it through the system class loader.
 *
 * <p>Its pattern ({@code dev.baton.logging.TraceContextFormatter.format}) is a
 * {@link String#format} pattern with {@link java.util.logging.SimpleFormatter}'s six arguments
 * (date, source, logger, level, message, thrown) followed by {@code 7} trace id, {@code 8} span
 * id, {@code 9} trace flags and {@code 10} the forwarded {@code x-request-id}; each is empty when
 * absent. JDK handlers format on the logging thread, where the context is current; a handler that
 * formats later on another thread (a custom asynchronous one) prints no ids.
 */
public class TraceContextFormatter extends Formatter {

  static final String DEFAULT_FORMAT =
      "%1$tF %1$tT.%1$tL %4$s %3$s trace_id=%7$s span_id=%8$s trace_flags=%9$s x_request_id=%10$s - %5$s%6$s%n";

  private final String format;

  public TraceContextFormatter() {
    String configured = LogManager.getLogManager().getProperty(getClass().getName() + ".format");
    this.format = configured == null || configured.isEmpty() ? DEFAULT_FORMAT : configured;
  }

  @Override
  public String format(LogRecord record) {
    Context context = Context.current();
    ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
    String source = record.getSourceClassName() == null
        ? record.getLoggerName()
        : record.getSourceClassName()
            + (record.getSourceMethodName() == null ? "" : " " + record.getSourceMethodName());
    return String.format(
        format,
        time,
        source,
        record.getLoggerName(),
        record.getLevel().getLocalizedName(),
        formatMessage(record),
        thrown(record),
        orEmpty(CurrentTrace.traceId(context)),
        orEmpty(CurrentTrace.spanId(context)),
        orEmpty(CurrentTrace.traceFlags(context)),
        orEmpty(ForwardedHeaders.get(context, "x-request-id")));
  }

  private static String thrown(LogRecord record) {
    if (record.getThrown() == null) {
      return "";
    }
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    writer.println();
    record.getThrown().printStackTrace(writer);
    writer.close();
    return text.toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
