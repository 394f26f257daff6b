package dev.baton.instrumentation.servlet.v3_0;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.servlet.ServletMatchers;
import javax.servlet.AsyncContext;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AsyncContext.start(Runnable)}: the container runs the task on a pooled thread, which
 * must see the request's context while the task runs and nothing after it.
 */
public final class AsyncContextInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ServletMatchers.asyncContexts("javax.servlet");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        ServletMatchers.asyncContextStart(),
        AsyncContextInstrumentation.class.getName() + "$StartAdvice");
  }

  public static final class StartAdvice {

    private StartAdvice() {}

    /**
     * Replaces the task with one that runs it in the request's context. Wrapping is safe here:
     * the container only runs the task and never hands it back to the application.
     */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
    public static Runnable enter(
        @Advice.This AsyncContext asyncContext, @Advice.Argument(0) Runnable task) {
      return ServletTracing.wrapAsyncTask(asyncContext, task);
    }
  }
}
