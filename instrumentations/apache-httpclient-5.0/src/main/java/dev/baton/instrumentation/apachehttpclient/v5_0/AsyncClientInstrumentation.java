package dev.baton.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * {@code CloseableHttpAsyncClient.doExecute}: every public {@code execute} overload of the async
 * client (SimpleHttpRequest or producer/consumer) ends up here, once per request.
 */
public final class AsyncClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(hasSuperType(named("org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(6))
            .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
            .and(takesArgument(5, named("org.apache.hc.core5.concurrent.FutureCallback"))),
        AsyncClientInstrumentation.class.getName() + "$DoExecuteAdvice");
  }

  public static final class DoExecuteAdvice {

    private DoExecuteAdvice() {}

    /** Returns {callback to pass on, call}; the first replaces the callback argument. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 5, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.Argument(5) FutureCallback<?> callback) {
      return ApacheHttpAsyncClientTracing.submit(callback);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable error) {
      ApacheHttpAsyncClientTracing.submitted(enter, error);
    }
  }
}
