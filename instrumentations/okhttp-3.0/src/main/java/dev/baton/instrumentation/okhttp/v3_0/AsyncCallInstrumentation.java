package dev.baton.instrumentation.okhttp.v3_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import okhttp3.Callback;

/**
 * {@code RealCall$AsyncCall}, the task an enqueued call becomes on the dispatcher's thread
 * ({@code execute()} in 3.x, {@code run()} in 4.x). While it runs, the call's context is current,
 * so the codec injects it into every request of the call; afterwards the thread is left as it
 * was. The context travels in the callback that {@link RealCallInstrumentation} wrapped.
 */
public final class AsyncCallInstrumentation implements TypeInstrumentation {

  private final String asyncCallClassName;
  private final String runMethodName;

  AsyncCallInstrumentation(String asyncCallClassName, String runMethodName) {
    this.asyncCallClassName = asyncCallClassName;
    this.runMethodName = runMethodName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(asyncCallClassName);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named(runMethodName).and(takesArguments(0)),
        AsyncCallInstrumentation.class.getName() + "$RunAdvice");
  }

  public static final class RunAdvice {

    private RunAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.FieldValue("responseCallback") Callback callback) {
      return OkHttpTracing.enterAsyncCall(callback);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object scope,
        @Advice.FieldValue("responseCallback") Callback callback,
        @Advice.Thrown Throwable error) {
      OkHttpTracing.exitAsyncCall(scope, callback, error);
    }
  }
}
