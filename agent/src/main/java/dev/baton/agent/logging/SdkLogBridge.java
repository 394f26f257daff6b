package dev.baton.agent.logging;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK logs through {@code java.util.logging} (under its relocated package names).
 * This sends those records to the agent's own log instead of the application's JUL handlers, so an
 * exporter failure reads as a {@code [baton]} line and never mixes into the service's log format.
 */
public final class SdkLogBridge extends Handler {

  // JUL holds loggers weakly: keep ours, or its handler and level would be lost on GC.
  private static Logger sdkRoot;

  private SdkLogBridge() {}

  public static synchronized void install(boolean debug) {
    if (sdkRoot != null) {
      return;
    }
    String sdkPackage = OpenTelemetrySdk.class.getPackage().getName(); // relocated ...io.opentelemetry.sdk
    Logger root = Logger.getLogger(sdkPackage.substring(0, sdkPackage.lastIndexOf('.')));
    root.setUseParentHandlers(false);
    root.setLevel(debug ? Level.FINE : Level.INFO);
    root.addHandler(new SdkLogBridge());
    sdkRoot = root;
    if (!debug) {
      // The OTLP exporters log every failed export (up to five a minute); the export pipeline's
      // own line (ExportReport) already says the same once a minute, with counts and the reason.
      for (String exporter : EXPORT_FAILURE_LOGGERS) {
        Logger logger = Logger.getLogger(root.getName() + exporter);
        logger.setLevel(Level.OFF);
        quieted.add(logger);
      }
    }
  }

  private static final String[] EXPORT_FAILURE_LOGGERS = {
    ".exporter.otlp.internal.HttpExporter", ".exporter.otlp.internal.GrpcExporter"
  };
  private static final java.util.List<Logger> quieted = new java.util.ArrayList<>();

  @Override
  public void publish(LogRecord record) {
    if (record == null) {
      return;
    }
    org.slf4j.Logger logger = LoggerFactory.getLogger(
        record.getLoggerName() == null ? "opentelemetry" : record.getLoggerName());
    String message = record.getMessage();
    if (record.getParameters() != null && record.getParameters().length > 0) {
      message = java.text.MessageFormat.format(message, record.getParameters());
    }
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      logger.error(message, record.getThrown());
    } else if (level >= Level.WARNING.intValue()) {
      logger.warn(message, record.getThrown());
    } else if (level >= Level.INFO.intValue()) {
      logger.info(message, record.getThrown());
    } else {
      logger.debug(message, record.getThrown());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
