package dev.baton.testing;

import java.time.Duration;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/** Reads the agent's trace gap report from its MBean, {@code dev.baton:type=TraceGaps}. */
public final class TraceGapReport {

  private TraceGapReport() {}

  /**
   * The report's text, waiting for the MBean: the agent registers it on a thread of its own once
   * the first gap is seen.
   */
  public static String read(MBeanServerConnection server) throws Exception {
    ObjectName name = new ObjectName("dev.baton:type=TraceGaps");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!server.isRegistered(name)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the MBean " + name + " was not registered");
      }
      Thread.sleep(50);
    }
    return (String) server.getAttribute(name, "Report");
  }
}
