package dev.baton.instrumentation.apachehttpclient.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
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
 * {@code HttpRequestExecutor.execute}: where the classic client (4.0 to 4.5) hands each attempt to
 * the connection, after its interceptors ran. The request here is the client's own wrapper of the
 * application's request (a new one per redirect, headers reset per retry), so headers put on it
 * reach the wire and nothing the application holds.
 */
public final class HttpRequestExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.http.protocol.HttpRequestExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("execute")
            .and(takesArguments(3))
            .and(takesArgument(0, named("org.apache.http.HttpRequest")))
            .and(takesArgument(1, named("org.apache.http.HttpClientConnection"))),
        HttpRequestExecutorInstrumentation.class.getName() + "$ExecuteAdvice");
  }

  public static final class ExecuteAdvice {

    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.Argument(0) HttpRequest request) {
      ApacheHttpClientTracing.beforeWrite(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Return HttpResponse response) {
      ApacheHttpClientTracing.afterRead(response);
    }
  }
}
