package dev.baton.bench.micro;

import dev.baton.instrumentation.api.concurrent.TaskContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the executor advice does per task, without the executor: attach the current context to
 * the task when it is handed off, make it current when the task runs, close it afterwards. The
 * task object is new each time, as it is in an application.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class ContextHandOffBenchmark {

  private Scope requestScope;

  @Setup(Level.Trial)
  public void enterRequest() {
    SpanContext request = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    requestScope = Context.root().with(Span.wrap(request)).makeCurrent();
  }

  @TearDown(Level.Trial)
  public void leaveRequest() {
    requestScope.close();
  }

  /** A new object per task: a lambda without captures would be one shared instance. */
  private static final class NoOp implements Runnable {
    @Override
    public void run() {}
  }

  @Benchmark
  public Object captureAndRestore() {
    Runnable task = new NoOp();
    TaskContexts.capture(task);
    Scope scope = TaskContexts.restore(task);
    TaskContexts.close(scope);
    return task;
  }

  @Benchmark
  public Object workerStartsAndFinishes() {
    Runnable task = new NoOp();
    TaskContexts.capture(task);
    TaskContexts.workerStarts(task);
    TaskContexts.workerDone();
    return task;
  }
}
