package dev.baton.instrumentation.kafka;

import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import dev.baton.instrumentation.api.messaging.ConsumerIdentity;
import dev.baton.instrumentation.api.messaging.ConsumerTracer;
import io.opentelemetry.context.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** What the consumer advice does; the advice itself only forwards here. */
public final class KafkaConsumerTracing {

  static final ConsumerTracer<ConsumerRecord<?, ?>> TRACER =
      new ConsumerTracer<>(
          "baton.kafka-clients-2.0", KafkaConsumerAttributesGetter.INSTANCE, ConsumerRecordGetter.INSTANCE);

  // No fields are added to Kafka's classes (loaded classes must stay retransformable): who a
  // consumer is, and which poll returned a batch, are kept beside them, weakly.
  private static final WeakIdentityMap<Object, ConsumerIdentity> CONSUMERS = new WeakIdentityMap<>();
  private static final WeakIdentityMap<ConsumerRecords<?, ?>, PollInfo> POLLS = new WeakIdentityMap<>();

  /** Set while Baton itself reads a batch, so that reading starts no process spans. */
  private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

  private KafkaConsumerTracing() {}

  public static void created(Object consumer, ConsumerConfig config) {
    String clientId = config.getString(ConsumerConfig.CLIENT_ID_CONFIG);
    if ((clientId == null || clientId.isEmpty()) && consumer instanceof Consumer) {
      // Before 2.4 the generated id is not written back into the configuration.
      clientId = clientIdFromMetrics((Consumer<?, ?>) consumer);
    }
    CONSUMERS.put(consumer, new ConsumerIdentity(clientId, config.getString(ConsumerConfig.GROUP_ID_CONFIG)));
  }

  /** @return when the poll started, for the receive span */
  public static long pollStarts() {
    TRACER.receiveStarts();
    return System.nanoTime();
  }

  public static void pollEnds(Object consumer, ConsumerRecords<?, ?> records, long startNanos, Throwable error) {
    if (error != null || records == null || records.isEmpty()) {
      return;
    }
    ConsumerIdentity identity = CONSUMERS.get(consumer);
    if (identity == null) {
      identity = ConsumerIdentity.UNKNOWN;
    }
    Context receive;
    READING.set(Boolean.TRUE);
    try {
      @SuppressWarnings("unchecked")
      Iterable<ConsumerRecord<?, ?>> all = (Iterable<ConsumerRecord<?, ?>>) (Iterable<?>) records;
      receive = TRACER.received(all, records.count(), identity, startNanos);
    } finally {
      READING.remove();
    }
    POLLS.put(records, new PollInfo(identity, receive));
  }

  public static void closing() {
    TRACER.consumerCloses();
  }

  public static Object iterator(ConsumerRecords<?, ?> records, Iterator<?> iterator) {
    return iterator == null || READING.get() != null
        ? iterator
        : new RecordViews.TracingIterator(RecordViews.cast(iterator), pollOf(records));
  }

  public static Object iterable(ConsumerRecords<?, ?> records, Iterable<?> iterable) {
    return iterable == null || READING.get() != null
        ? iterable
        : new RecordViews.TracingIterable(RecordViews.cast(iterable), pollOf(records));
  }

  public static Object list(ConsumerRecords<?, ?> records, List<?> list) {
    return list == null || list.isEmpty() || READING.get() != null
        ? list
        : RecordViews.readOnlyList(RecordViews.cast(list), pollOf(records));
  }

  /** What the poll that returned {@code records} knew; a batch built by the application has none. */
  private static PollInfo pollOf(ConsumerRecords<?, ?> records) {
    PollInfo poll = POLLS.get(records);
    return poll != null ? poll : PollInfo.NONE;
  }

  private static String clientIdFromMetrics(Consumer<?, ?> consumer) {
    for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
      String clientId = metric.getKey().tags().get("client-id");
      if (clientId != null) {
        return clientId;
      }
    }
    return null;
  }
}
