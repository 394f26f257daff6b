package dev.baton.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code KafkaProducer.doSend}: what both public {@code send} methods end in, after the producer's
 * interceptors have had the record, so the record seen here is the one written to the batch.
 */
public final class KafkaProducerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.producer.KafkaProducer")
        .and(declaresField(named("clientId")))
        .and(declaresField(named("apiVersions")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("doSend").and(takesArguments(2))
            .and(takesArgument(0, named("org.apache.kafka.clients.producer.ProducerRecord")))
            .and(takesArgument(1, named("org.apache.kafka.clients.producer.Callback"))),
        KafkaProducerInstrumentation.class.getName() + "$SendAdvice");
  }

  public static final class SendAdvice {

    private SendAdvice() {}

    /**
     * Returns {send in progress, callback to pass on}: the callback ends the span when the broker
     * answers and then calls the application's own.
     */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 1, index = 1, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(
        @Advice.Argument(0) ProducerRecord<?, ?> record,
        @Advice.Argument(1) Callback callback,
        @Advice.FieldValue("clientId") String clientId,
        @Advice.FieldValue("apiVersions") Object apiVersions) {
      return KafkaProducerTracing.start(record, callback, clientId, apiVersions);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable error) {
      KafkaProducerTracing.end(enter, error);
    }
  }
}
