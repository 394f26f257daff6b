package dev.baton.instrumentation.okhttp.v3_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * OkHttp's one {@code Call} implementation ({@code okhttp3.RealCall} in 3.x,
 * {@code okhttp3.internal.connection.RealCall} in 4.x): {@code execute()} and
 * {@code enqueue(Callback)} are where a call starts, so the CLIENT span covers the whole call,
 * redirects and retries included. Both layouts have the same public methods, so the advice is
 * shared; only the class name differs.
 */
public final class RealCallInstrumentation implements TypeInstrumentation {

  private final String realCallClassName;

  RealCallInstrumentation(String realCallClassName) {
    this.realCallClassName = realCallClassName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(realCallClassName);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("execute").and(isPublic()).and(takesArguments(0)),
        RealCallInstrumentation.class.getName() + "$ExecuteAdvice");
    transformer.applyAdvice(
        named("enqueue").and(isPublic()).and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.Callback"))),
        RealCallInstrumentation.class.getName() + "$EnqueueAdvice");
  }

  public static final class ExecuteAdvice {

    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.This Call call) {
      return OkHttpTracing.startExecute(call);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object syncCall,
        @Advice.Return Response response,
        @Advice.Thrown Throwable error) {
      OkHttpTracing.endExecute(syncCall, response, error);
    }
  }

  public static final class EnqueueAdvice {

    private EnqueueAdvice() {}

    /** Returns {callback to pass on}: the application's callback, wrapped. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.This Call call, @Advice.Argument(0) Callback callback) {
      return OkHttpTracing.startEnqueue(call, callback);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable error) {
      OkHttpTracing.endEnqueue(enter, error);
    }
  }
}
