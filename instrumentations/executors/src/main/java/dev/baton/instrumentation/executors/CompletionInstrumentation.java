package dev.baton.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code CompletableFuture}'s dependent stages ({@code thenApply}, {@code whenComplete}, ...) are
 * {@code Completion} objects, created (and so given the context, see
 * {@link ForkJoinTaskInstrumentation}) where the application registers them. When the source
 * completes on another thread (an HTTP client's, a pool's), {@code tryFire} runs the stage there:
 * it runs with the context of the code that registered it.
 */
public final class CompletionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return nameStartsWith("java.util.concurrent.CompletableFuture$");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("tryFire").and(takesArguments(1)), FutureTaskInstrumentation.class.getName() + "$RunAdvice");
  }
}
