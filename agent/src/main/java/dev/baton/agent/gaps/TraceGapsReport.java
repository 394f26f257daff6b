package dev.baton.agent.gaps;

import dev.baton.agent.config.AgentConfig;
import dev.baton.instrumentation.api.gaps.GapRecorder;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns trace gap detection on and publishes its report: the MBean {@code dev.baton:type=TraceGaps}
 * (registered when the first gap is seen, on a thread of its own, so that the JVM's MBean server
 * is never started at agent start-up, where an application server may still be choosing its
 * own) and, with {@code baton.gaps.report-file}, a file written at shutdown.
 */
public final class TraceGapsReport implements TraceGapsReportMBean {

  static final String OBJECT_NAME = "dev.baton:type=TraceGaps";
  private static final Logger logger = LoggerFactory.getLogger(TraceGapsReport.class);

  private final GapRecorder recorder;

  private TraceGapsReport(GapRecorder recorder) {
    this.recorder = recorder;
  }

  public static void install(AgentConfig config) {
    if (!config.gapsEnabled()) {
      return;
    }
    GapRecorder recorder = new GapRecorder(
        config.gapsStacksPerSecond(),
        line -> logger.info("{}", line),
        first -> {
          Thread register = new Thread(() -> register(first), "baton-gaps-jmx");
          register.setDaemon(true);
          register.start();
        });
    dev.baton.instrumentation.api.gaps.TraceGaps.install(recorder);
    String file = config.gapsReportFile();
    if (file != null && !file.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> write(recorder, Paths.get(file)), "baton-gaps-report"));
    }
  }

  private static void register(GapRecorder recorder) {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .registerMBean(new TraceGapsReport(recorder), new ObjectName(OBJECT_NAME));
    } catch (Exception | LinkageError e) {
      logger.warn("trace gaps: cannot register the MBean {}: {}", OBJECT_NAME, e.toString());
    }
  }

  private static void write(GapRecorder recorder, Path file) {
    try {
      Files.write(file, recorder.report().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      logger.warn("trace gaps: cannot write the report to {}: {}", file, e.toString());
    }
  }

  @Override
  public long getTotal() {
    return recorder.total();
  }

  @Override
  public String getReport() {
    return recorder.report();
  }
}
