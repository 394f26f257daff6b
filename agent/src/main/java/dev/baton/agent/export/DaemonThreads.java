package dev.baton.agent.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads the agent starts: daemon, so the agent can never keep a service's JVM alive; named
 * {@code baton-*}, so a thread dump says whose they are; with the agent's class loader as context
 * loader, so they do not pin whichever application loader was current when they were made.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory factory(String name) {
    ClassLoader agentLoader = DaemonThreads.class.getClassLoader();
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      int n = counter.getAndIncrement();
      Thread thread = new Thread(task, n == 0 ? name : name + "-" + n);
      thread.setDaemon(true);
      thread.setContextClassLoader(agentLoader);
      return thread;
    };
  }

  /** A pool for an exporter's HTTP client: threads made on demand, idle ones end after a minute. */
  public static ExecutorService cachedPool(String name) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory(name));
  }
}
