package dev.baton.agent.export;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the export counters as the MBean {@value #OBJECT_NAME}.
 *
 * <p>Registered from the export thread, never from {@code premain}: creating the platform MBean
 * server costs tens of milliseconds and would otherwise be start-up time. The MBean is a {@link
 * StandardMBean} built from the {@link SpanExportMBean} interface object itself, so the JMX server
 * never has to find that interface by name: it lives in the agent's class loader, which neither
 * the system class loader nor a remote JMX client can see. Its attributes are plain numbers, so
 * whoever reads them needs none of Baton's classes.
 */
public final class SpanExportJmx {

  public static final String OBJECT_NAME = "dev.baton:type=SpanExport";
  private static final Logger LOG = LoggerFactory.getLogger(SpanExportJmx.class);

  private SpanExportJmx() {}

  public static void register(SpanExportMBean stats) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(OBJECT_NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name); // a second agent start in this JVM (tests); the latest wins
      }
      server.registerMBean(new StandardMBean(stats, SpanExportMBean.class), name);
    } catch (Exception | LinkageError e) {
      LOG.warn("could not publish export counters as JMX MBean {}: {}", OBJECT_NAME, e.toString());
    }
  }
}
