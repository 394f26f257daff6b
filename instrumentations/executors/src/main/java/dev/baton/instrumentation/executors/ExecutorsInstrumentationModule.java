package dev.baton.instrumentation.executors;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Context across thread hand-offs in the JDK: executors ({@code ThreadPoolExecutor},
 * {@code ScheduledThreadPoolExecutor}, {@code ForkJoinPool}, so {@code CompletableFuture}'s async
 * stages too), {@code FutureTask}s wherever they run, and threads started from a request,
 * virtual ones included.
 */
public final class ExecutorsInstrumentationModule extends InstrumentationModule {

  public ExecutorsInstrumentationModule() {
    super("executors", "java-util-concurrent", "threads");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new FutureTaskInstrumentation(),
        new ForkJoinTaskInstrumentation(),
        new CompletionInstrumentation(),
        new ThreadPoolExecutorInstrumentation(),
        new ThreadPoolWorkerInstrumentation(),
        new ThreadInstrumentation());
  }
}
