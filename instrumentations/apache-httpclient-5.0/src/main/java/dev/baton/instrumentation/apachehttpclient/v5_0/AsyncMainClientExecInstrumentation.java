package dev.baton.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpRequest;

/**
 * The last element of the async exec chain (HTTP/1.1 and HTTP/2 clients): it sends the request it
 * is given, the chain's copy of the application's request (a fresh one per retry and redirect).
 */
public final class AsyncMainClientExecInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "org.apache.hc.client5.http.impl.async.HttpAsyncMainClientExec",
        "org.apache.hc.client5.http.impl.async.H2AsyncMainClientExec");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("execute")
            .and(takesArguments(5))
            .and(takesArgument(0, named("org.apache.hc.core5.http.HttpRequest")))
            .and(takesArgument(2, named("org.apache.hc.client5.http.async.AsyncExecChain$Scope"))),
        AsyncMainClientExecInstrumentation.class.getName() + "$ExecuteAdvice");
  }

  public static final class ExecuteAdvice {

    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(
        @Advice.Argument(0) HttpRequest request, @Advice.Argument(2) AsyncExecChain.Scope scope) {
      ApacheHttpAsyncClientTracing.beforeSend(request, scope);
    }
  }
}
