package dev.baton.agent.export;

/**
 * What the span export pipeline has done since the agent started, readable over JMX as {@code
 * dev.baton:type=SpanExport}. Every attribute is a plain number, so JConsole, a JMX exporter or
 * {@code jcmd} need none of Baton's classes to read it.
 */
public interface SpanExportMBean {

  /** Sampled spans that ended and were handed to export. */
  long getSpansCreated();

  /** Spans the backend accepted. */
  long getSpansExported();

  /** Spans dropped before any export was tried: the queue was full, or the agent shutting down. */
  long getSpansDropped();

  /** Spans in exports that failed: backend unreachable, error answer, or no answer in time. */
  long getSpansFailed();

  /** Spans waiting in the queue now. */
  int getQueueSize();

  /** How many spans the queue holds at most ({@code otel.bsp.max.queue.size}). */
  int getQueueCapacity();
}
