package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.concurrent.TaskContexts;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code FutureTask}: what {@code submit}, {@code invokeAll} and {@code schedule} of every JDK
 * executor (virtual-thread ones included) wrap tasks in. It is created in the submitting thread,
 * so it takes that thread's context, and runs it in {@code run}/{@code runAndReset}.
 */
public final class FutureTaskInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.FutureTask");
  }

  @Override
  public List<String> earlyLoadedTypes() {
    return List.of("java.util.concurrent.FutureTask");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(isConstructor(), getClass().getName() + "$CaptureAdvice");
    transformer.applyAdvice(
        namedOneOf("run", "runAndReset").and(takesArguments(0)), getClass().getName() + "$RunAdvice");
  }

  public static final class CaptureAdvice {
    private CaptureAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This Object task) {
      TaskContexts.capture(task);
    }
  }

  public static final class RunAdvice {
    private RunAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.This Object task) {
      return TaskContexts.restore(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object scope) {
      TaskContexts.close(scope);
    }
  }
}
