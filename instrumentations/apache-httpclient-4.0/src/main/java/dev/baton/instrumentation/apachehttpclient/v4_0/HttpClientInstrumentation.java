package dev.baton.instrumentation.apachehttpclient.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.HttpUriRequest;

/**
 * Every {@code execute} of every {@code org.apache.http.client.HttpClient} (the eight overloads:
 * with or without target host, context and ResponseHandler). The overloads call each other and
 * decorating clients call the client they wrap: the outermost call makes the span, the nested
 * ones see it and do nothing.
 */
public final class HttpClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("org.apache.http.client.HttpClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        execute().and(takesArgument(0, named("org.apache.http.client.methods.HttpUriRequest"))),
        HttpClientInstrumentation.class.getName() + "$UriRequestAdvice");
    transformer.applyAdvice(
        execute()
            .and(takesArgument(0, named("org.apache.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.http.HttpRequest"))),
        HttpClientInstrumentation.class.getName() + "$HostAndRequestAdvice");
  }

  private static ElementMatcher.Junction<MethodDescription> execute() {
    return named("execute").and(isPublic()).and(not(isAbstract()));
  }

  public static final class UriRequestAdvice {

    private UriRequestAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.Argument(0) HttpUriRequest request) {
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
        @Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
      return ApacheHttpClientTracing.start(target, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object call, @Advice.Return Object result, @Advice.Thrown Throwable error) {
      ApacheHttpClientTracing.end(call, result, error);
    }
  }
}
