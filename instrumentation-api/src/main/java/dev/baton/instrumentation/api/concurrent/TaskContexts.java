package dev.baton.instrumentation.api.concurrent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Carries the context from the thread that hands work off (submits a task, starts a thread) to
 * the thread that runs it. The context is attached to the task object when it is handed off and
 * made current only while the task runs; a task handed off outside any request carries nothing.
 */
public final class TaskContexts {

  private static final WeakIdentityMap<Object, Context> CONTEXTS = new WeakIdentityMap<>();

  /** The scope a pool worker opened for its current task, closed before it takes the next one. */
  private static final ThreadLocal<Scope> WORKER_SCOPE = new ThreadLocal<>();

  /** Set while a pool creates a worker thread: that thread must not inherit the caller's context. */
  private static final ThreadLocal<Boolean> CREATING_WORKER = new ThreadLocal<>();

  private TaskContexts() {}

  /** Attaches the current context to a task being handed off, if there is one. */
  public static void capture(Object task) {
    Context context = Context.current();
    if (task != null && context != Context.root()) {
      CONTEXTS.put(task, context);
    }
  }

  /**
   * Libraries that start long-lived pool threads on demand, possibly while a request is being
   * handled: such a thread must not run its whole life in that request's context. Identified by
   * the class that calls {@code Thread.start}.
   */
  private static final String[] POOL_STARTERS = {
    "org.jboss.threads.", "org.xnio.", "io.undertow.", "org.eclipse.jetty.", "org.apache.tomcat.",
    "org.apache.catalina.", "org.apache.coyote.", "io.netty.", "okhttp3.", "okio.",
    "org.apache.http.", "org.apache.hc.", "org.apache.kafka.", "io.grpc.", "com.zaxxer.hikari.",
    "org.apache.commons.pool2.", "org.apache.commons.dbcp2.", "ch.qos.logback.",
    "org.apache.logging.log4j.", "reactor.", "io.reactivex.", "kotlinx.coroutines.", "io.vertx.",
    "akka.", "org.h2.", "org.postgresql.", "org.mariadb.", "com.mysql.", "jdk.internal.net.http."
  };

  private static final StackWalker STACK = StackWalker.getInstance();

  /**
   * Attaches the current context to a thread being started from a request, unless a pool is
   * starting one of its workers: the JDK's pools are recognised by the executor instrumentation,
   * others by the library that calls {@code start}.
   */
  public static void captureForThread(Thread thread) {
    if (CREATING_WORKER.get() != null || Context.current() == Context.root()) {
      return;
    }
    String caller = STACK.walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> !name.startsWith("java.lang.Thread") && !name.startsWith("java.lang.VirtualThread")
            && !name.startsWith("dev.baton."))
        .findFirst()
        .orElse(""));
    for (String prefix : POOL_STARTERS) {
      if (caller.startsWith(prefix)) {
        return;
      }
    }
    capture(thread);
  }

  public static void creatingWorker(boolean creating) {
    if (creating) {
      CREATING_WORKER.set(Boolean.TRUE);
    } else {
      CREATING_WORKER.remove();
    }
  }

  /** Makes the task's context current; the caller closes the returned scope (null: nothing). */
  public static Scope restore(Object task) {
    Context context = task == null ? null : CONTEXTS.get(task);
    return context == null ? null : context.makeCurrent();
  }

  public static void close(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }

  /** A pool worker is about to run {@code task}: closes the previous task's scope, opens this one's. */
  public static void workerStarts(Object task) {
    workerDone();
    Scope scope = restore(task);
    if (scope != null) {
      WORKER_SCOPE.set(scope);
    }
  }

  /** A pool worker finished its task (or is waiting for the next): its thread is left clean. */
  public static void workerDone() {
    Scope scope = WORKER_SCOPE.get();
    if (scope != null) {
      WORKER_SCOPE.remove();
      scope.close();
    }
  }
}
