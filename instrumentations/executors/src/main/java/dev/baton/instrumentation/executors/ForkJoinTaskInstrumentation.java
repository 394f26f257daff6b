package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ForkJoinTask}: every task a {@code ForkJoinPool} runs (the pool wraps plain runnables
 * and callables in one), every {@code CompletableFuture} async stage, and subtasks forked inside
 * a task. Its constructor runs in the thread that creates the task; {@code doExec} is where any
 * pool thread runs it.
 */
public final class ForkJoinTaskInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinTask");
  }

  @Override
  public List<String> earlyLoadedTypes() {
    return List.of("java.util.concurrent.ForkJoinTask");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        isConstructor().and(takesArguments(0)), FutureTaskInstrumentation.class.getName() + "$CaptureAdvice");
    transformer.applyAdvice(
        named("doExec").and(takesArguments(0)), FutureTaskInstrumentation.class.getName() + "$RunAdvice");
  }
}
