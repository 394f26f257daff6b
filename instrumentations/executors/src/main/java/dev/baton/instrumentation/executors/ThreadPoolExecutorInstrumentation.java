package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.concurrent.TaskContexts;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ThreadPoolExecutor} (and so {@code ScheduledThreadPoolExecutor}'s workers):
 * <ul>
 *   <li>{@code execute} attaches the caller's context to a plain {@code Runnable} (tasks that
 *       are {@code FutureTask}s or {@code ForkJoinTask}s carry their own);
 *   <li>{@code getTask}, where a worker takes its next task, closes the previous task's context
 *       and opens the new one's, so a pooled thread never carries one task's context into the
 *       next, nor while it waits;
 *   <li>{@code addWorker} marks the worker thread it starts, which must not inherit the context
 *       of whichever request happened to make the pool grow.
 * </ul>
 * The task objects the application handed over are never replaced or wrapped.
 */
public final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public List<String> earlyLoadedTypes() {
    return List.of("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = getClass().getName();
    transformer.applyAdvice(
        named("execute").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
        prefix + "$ExecuteAdvice");
    transformer.applyAdvice(named("getTask").and(takesArguments(0)), prefix + "$GetTaskAdvice");
    transformer.applyAdvice(named("addWorker").and(takesArguments(2)), prefix + "$AddWorkerAdvice");
  }

  public static final class ExecuteAdvice {
    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.Argument(0) Runnable task) {
      if (!(task instanceof FutureTask) && !(task instanceof ForkJoinTask)) {
        TaskContexts.capture(task);
      }
    }
  }

  public static final class GetTaskAdvice {
    private GetTaskAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter() {
      TaskContexts.workerDone();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Return Runnable task) {
      if (!(task instanceof FutureTask)) {
        TaskContexts.workerStarts(task);
      }
    }
  }

  public static final class AddWorkerAdvice {
    private AddWorkerAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter() {
      TaskContexts.creatingWorker(true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit() {
      TaskContexts.creatingWorker(false);
    }
  }
}
