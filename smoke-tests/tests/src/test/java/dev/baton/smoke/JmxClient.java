package dev.baton.smoke;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads MBeans of another JVM, as an operator would: through the JDK's attach mechanism, which
 * starts that JVM's local JMX agent, then a plain JMX connection. Nothing of Baton's is on this
 * side: the attributes are plain numbers.
 */
final class JmxClient implements AutoCloseable {

  private final JMXConnector connector;
  private final MBeanServerConnection connection;

  private JmxClient(JMXConnector connector) throws Exception {
    this.connector = connector;
    this.connection = connector.getMBeanServerConnection();
  }

  static JmxClient attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      String address = vm.startLocalManagementAgent();
      return new JmxClient(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } finally {
      vm.detach();
    }
  }

  long spanExport(String attribute) throws Exception {
    return ((Number) connection.getAttribute(new ObjectName("dev.baton:type=SpanExport"), attribute))
        .longValue();
  }

  boolean hasSpanExport() throws Exception {
    return connection.isRegistered(new ObjectName("dev.baton:type=SpanExport"));
  }

  /** Heap in use after a full collection, in bytes. */
  long heapUsedAfterGc() throws Exception {
    MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
        connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() throws Exception {
    connector.close();
  }
}
