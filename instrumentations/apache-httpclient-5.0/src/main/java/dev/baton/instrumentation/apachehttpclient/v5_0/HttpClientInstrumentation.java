package dev.baton.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * Every {@code execute} and {@code executeOpen} of every classic
 * {@code org.apache.hc.client5.http.classic.HttpClient}: with or without target host, context and
 * response handler. The outermost call makes the span; overloads it calls see it and do nothing.
 */
public final class HttpClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(hasSuperType(named("org.apache.hc.client5.http.classic.HttpClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        execute().and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
        HttpClientInstrumentation.class.getName() + "$RequestAdvice");
    transformer.applyAdvice(
        execute()
            .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
        HttpClientInstrumentation.class.getName() + "$HostAndRequestAdvice");
  }

  private static ElementMatcher.Junction<MethodDescription> execute() {
    return namedOneOf("execute", "executeOpen").and(isPublic()).and(not(isAbstract()));
  }

  public static final class RequestAdvice {

    private RequestAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.Argument(0) ClassicHttpRequest request) {
      return ApacheHttpClientTracing.start(null, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object call, @Advice.Return Object result, @Advice.Thrown Throwable error) {
      ApacheHttpClientTracing.end(call, result, error);
    }
  }

  public static final class HostAndRequestAdvice {

    private HostAndRequestAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(
        @Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
      return ApacheHttpClientTracing.start(target, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object call, @Advice.Return Object result, @Advice.Thrown Throwable error) {
      ApacheHttpClientTracing.end(call, result, error);
    }
  }
}
