package dev.baton.instrumentation.kafka;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Kafka's Java clients 2.0 and later: {@code KafkaProducer.send} and {@code KafkaConsumer.poll},
 * and the application's iteration over what {@code poll} returned.
 */
public final class KafkaInstrumentationModule extends InstrumentationModule {

  public KafkaInstrumentationModule() {
    super("kafka-clients", "kafka", "kafka-clients-2.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // Record headers exist since 0.11; the consumer-group admin classes since 2.0.
    return hasClassesNamed(
        "org.apache.kafka.common.header.Headers",
        "org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new KafkaProducerInstrumentation(),
        new KafkaConsumerInstrumentation(),
        new ConsumerRecordsInstrumentation());
  }
}
