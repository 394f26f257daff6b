package dev.baton.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.client5.http.async.AsyncExecChain;

/**
 * {@code AsyncExecChain.Scope}, created by the async client for the request its producer sends
 * (inside {@code doExecute}, on the caller's thread) and again, off that thread, for each
 * redirect. It carries the application's request and the exchange's future.
 */
public final class AsyncExecScopeInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.hc.client5.http.async.AsyncExecChain$Scope");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        isConstructor(), AsyncExecScopeInstrumentation.class.getName() + "$ConstructorAdvice");
  }

  public static final class ConstructorAdvice {

    private ConstructorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This AsyncExecChain.Scope scope) {
      ApacheHttpAsyncClientTracing.exchangeCreated(scope);
    }
  }
}
