package dev.baton.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code jdk.internal.net.http.HttpClientImpl}, the one implementation behind every
 * {@code HttpClient}. Its public {@code send} and three-argument {@code sendAsync} are the entry
 * points ({@code sendAsync} with two arguments delegates to the three-argument one, and
 * {@code send} does not go through either), so each call is seen once.
 *
 * <p>{@code HttpRequest} is immutable: the advice passes on a copy that carries the propagation
 * headers, and the application's own request object is left as it was.
 */
public final class HttpClientImplInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("send").and(isPublic()).and(takesArguments(2))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        HttpClientImplInstrumentation.class.getName() + "$SendAdvice");
    transformer.applyAdvice(
        named("sendAsync").and(isPublic()).and(takesArguments(3))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        HttpClientImplInstrumentation.class.getName() + "$SendAsyncAdvice");
  }

  public static final class SendAdvice {

    private SendAdvice() {}

    /** Returns {request to send, call in progress}; the first replaces the argument. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
      return JavaHttpClientTracing.start(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object[] enter,
        @Advice.Return HttpResponse<?> response,
        @Advice.Thrown Throwable error) {
      JavaHttpClientTracing.end(enter, response, error);
    }
  }

  public static final class SendAsyncAdvice {

    private SendAsyncAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
      return JavaHttpClientTracing.start(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object[] enter,
        @Advice.Return CompletableFuture<HttpResponse<?>> future,
        @Advice.Thrown Throwable error) {
      JavaHttpClientTracing.endAsync(enter, future, error);
    }
  }
}
