package dev.baton.agent.gaps;

/** JMX view of the trace gap report, registered as {@code dev.baton:type=TraceGaps}. */
public interface TraceGapsReportMBean {

  /** Gaps counted so far. */
  long getTotal();

  /** The report text: see {@code GapRecorder.report()}. */
  String getReport();
}
