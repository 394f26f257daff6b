package dev.baton.instrumentation.apachehttpclient.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
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
import org.apache.http.concurrent.FutureCallback;
import org.apache.http.nio.protocol.HttpAsyncRequestProducer;

/**
 * {@code HttpAsyncClient.execute(producer, consumer, context, callback)}: every other
 * {@code execute} overload of the async client (4.1+) ends up here, once per request.
 */
public final class HttpAsyncClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("org.apache.http.nio.client.HttpAsyncClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("execute")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(4))
            .and(takesArgument(0, named("org.apache.http.nio.protocol.HttpAsyncRequestProducer")))
            .and(takesArgument(3, named("org.apache.http.concurrent.FutureCallback"))),
        HttpAsyncClientInstrumentation.class.getName() + "$ExecuteAdvice");
  }

  public static final class ExecuteAdvice {

    private ExecuteAdvice() {}

    /** Returns {callback to pass on, call}; the first replaces the callback argument. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 3, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(
        @Advice.Argument(0) HttpAsyncRequestProducer producer,
        @Advice.Argument(3) FutureCallback<?> callback) {
      return ApacheHttpAsyncClientTracing.start(producer, callback);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable error) {
      ApacheHttpAsyncClientTracing.submitted(enter, error);
    }
  }
}
