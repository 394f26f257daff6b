package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.concurrent.TaskContexts;
import java.util.List;
import java.util.concurrent.FutureTask;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A new pool worker's first task is handed to it directly, not through {@code getTask}: the
 * worker's {@code run} opens that task's context, and closes whatever is left when it exits.
 */
public final class ThreadPoolWorkerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ThreadPoolExecutor$Worker");
  }

  @Override
  public List<String> earlyLoadedTypes() {
    return List.of("java.util.concurrent.ThreadPoolExecutor$Worker");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(named("run").and(takesArguments(0)), getClass().getName() + "$RunAdvice");
  }

  public static final class RunAdvice {
    private RunAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.FieldValue("firstTask") Runnable firstTask) {
      if (!(firstTask instanceof FutureTask)) {
        TaskContexts.workerStarts(firstTask);
      }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit() {
      TaskContexts.workerDone();
    }
  }
}
