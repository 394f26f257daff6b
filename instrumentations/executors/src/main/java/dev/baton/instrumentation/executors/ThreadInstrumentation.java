package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.concurrent.TaskContexts;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Threads started while a request's context is current run with it: {@code start} attaches the
 * context to the thread, and {@code Thread.run} (platform threads running a {@code Runnable}) or
 * {@code VirtualThread.run(Runnable)} (Java 21+) makes it current. Pool workers are excluded
 * (see {@link ThreadPoolExecutorInstrumentation}; {@code ForkJoinWorkerThread}s are started by
 * the pool outside any request context). Thread subclasses that override {@code run} are not
 * covered: matching every subclass of {@code Thread} would cost a hierarchy check per class.
 */
public final class ThreadInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("java.lang.Thread", "java.lang.VirtualThread");
  }

  @Override
  public List<String> earlyLoadedTypes() {
    return List.of("java.lang.Thread", "java.lang.VirtualThread");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = getClass().getName();
    transformer.applyAdvice(named("start").and(takesArguments(0)), prefix + "$StartAdvice");
    transformer.applyAdvice(named("run").and(takesArguments(0)), prefix + "$RunAdvice");
    transformer.applyAdvice(
        named("run").and(takesArguments(1)).and(takesArgument(0, Runnable.class)), prefix + "$RunAdvice");
  }

  public static final class StartAdvice {
    private StartAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.This Thread thread) {
      TaskContexts.captureForThread(thread);
    }
  }

  public static final class RunAdvice {
    private RunAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.This Thread thread) {
      return TaskContexts.restore(thread);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object scope) {
      TaskContexts.close(scope);
    }
  }
}
