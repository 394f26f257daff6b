package dev.baton.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.util.Iterator;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The three ways to iterate what {@code poll} returned: {@code iterator()} (for-each over
 * {@code ConsumerRecords}), {@code records(topic)} and {@code records(partition)}. Each hands
 * out a view that yields the same records, in the same order, read-only as before, and makes
 * each record's context current while the application works on it (see {@link RecordViews}).
 */
public final class ConsumerRecordsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("iterator").and(isPublic()).and(takesArguments(0)).and(returns(Iterator.class)),
        ConsumerRecordsInstrumentation.class.getName() + "$IteratorAdvice");
    transformer.applyAdvice(
        named("records").and(isPublic()).and(takesArgument(0, String.class)).and(returns(Iterable.class)),
        ConsumerRecordsInstrumentation.class.getName() + "$TopicAdvice");
    transformer.applyAdvice(
        named("records").and(isPublic())
            .and(takesArgument(0, named("org.apache.kafka.common.TopicPartition")))
            .and(returns(List.class)),
        ConsumerRecordsInstrumentation.class.getName() + "$PartitionAdvice");
  }

  /** A failed advice returns null, and Byte Buddy then leaves the original return value. */
  public static final class IteratorAdvice {

    private IteratorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(
        @Advice.This ConsumerRecords<?, ?> records, @Advice.Return Iterator<?> iterator) {
      return KafkaConsumerTracing.iterator(records, iterator);
    }
  }

  public static final class TopicAdvice {

    private TopicAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(
        @Advice.This ConsumerRecords<?, ?> records, @Advice.Return Iterable<?> iterable) {
      return KafkaConsumerTracing.iterable(records, iterable);
    }
  }

  public static final class PartitionAdvice {

    private PartitionAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(@Advice.This ConsumerRecords<?, ?> records, @Advice.Return List<?> list) {
      return KafkaConsumerTracing.list(records, list);
    }
  }
}
