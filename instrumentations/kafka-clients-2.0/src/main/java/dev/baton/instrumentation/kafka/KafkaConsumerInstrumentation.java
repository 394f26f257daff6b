package dev.baton.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * {@code KafkaConsumer}: the constructor every public one delegates to (who the consumer is:
 * its group and client id), {@code poll} (the receive span; the previous batch's contexts close
 * before it) and {@code close}. From 3.7 on {@code KafkaConsumer} delegates to one of two
 * implementations; instrumenting the public class covers both.
 */
public final class KafkaConsumerInstrumentation implements TypeInstrumentation {

  private static final String CONSUMER_RECORDS = "org.apache.kafka.clients.consumer.ConsumerRecords";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        isConstructor().and(takesArguments(3))
            .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
        KafkaConsumerInstrumentation.class.getName() + "$ConstructorAdvice");
    transformer.applyAdvice(
        named("poll").and(isPublic()).and(takesArguments(1)).and(returns(named(CONSUMER_RECORDS))),
        KafkaConsumerInstrumentation.class.getName() + "$PollAdvice");
    transformer.applyAdvice(
        named("close").and(isPublic()),
        KafkaConsumerInstrumentation.class.getName() + "$CloseAdvice");
  }

  public static final class ConstructorAdvice {

    private ConstructorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This Object consumer, @Advice.Argument(0) ConsumerConfig config) {
      KafkaConsumerTracing.created(consumer, config);
    }
  }

  public static final class PollAdvice {

    private PollAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static long enter() {
      return KafkaConsumerTracing.pollStarts();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter long startNanos,
        @Advice.This Object consumer,
        @Advice.Return ConsumerRecords<?, ?> records,
        @Advice.Thrown Throwable error) {
      KafkaConsumerTracing.pollEnds(consumer, records, startNanos, error);
    }
  }

  public static final class CloseAdvice {

    private CloseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter() {
      KafkaConsumerTracing.closing();
    }
  }
}
