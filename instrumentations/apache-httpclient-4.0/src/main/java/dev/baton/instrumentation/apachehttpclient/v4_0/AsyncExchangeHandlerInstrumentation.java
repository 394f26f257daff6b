package dev.baton.instrumentation.apachehttpclient.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/**
 * The async client's exchange handlers (httpasyncclient 4.1+, default and minimal clients): one
 * per {@code execute}, started on the caller's thread; on I/O threads, {@code generateRequest}
 * returns each request to write (the client's own wrapper of the application's request, a new one
 * per redirect) and {@code responseReceived} sees each response head.
 */
public final class AsyncExchangeHandlerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "org.apache.http.impl.nio.client.DefaultClientExchangeHandlerImpl",
        "org.apache.http.impl.nio.client.MinimalClientExchangeHandlerImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = AsyncExchangeHandlerInstrumentation.class.getName();
    transformer.applyAdvice(named("start").and(takesArguments(0)), prefix + "$StartAdvice");
    transformer.applyAdvice(
        named("generateRequest").and(takesArguments(0)), prefix + "$GenerateRequestAdvice");
    transformer.applyAdvice(
        named("responseReceived")
            .and(takesArguments(1))
            .and(takesArgument(0, named("org.apache.http.HttpResponse"))),
        prefix + "$ResponseReceivedAdvice");
  }

  public static final class StartAdvice {

    private StartAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.This Object handler) {
      ApacheHttpAsyncClientTracing.exchangeStarted(handler);
    }
  }

  public static final class GenerateRequestAdvice {

    private GenerateRequestAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This Object handler, @Advice.Return HttpRequest request) {
      ApacheHttpAsyncClientTracing.exchangeWrites(handler, request);
    }
  }

  public static final class ResponseReceivedAdvice {

    private ResponseReceivedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.This Object handler, @Advice.Argument(0) HttpResponse response) {
      ApacheHttpAsyncClientTracing.exchangeRead(handler, response);
    }
  }
}
