package dev.baton.instrumentation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.baton.fuzz.KafkaHarness;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka record headers are bytes, any bytes: the input is a list of headers, each a name line
 * followed by a value line, where the value may hold any byte but LF ({@code \\n} in a value is
 * decoded to LF). The consumer side reads them with the instrumentation's own getter; the
 * producer side writes the outbound context with its own setter into real {@link RecordHeaders}.
 */
class KafkaHeadersFuzzTest {

  private static final KafkaHarness HARNESS = new KafkaHarness();

  @FuzzTest
  @DictionaryEntries({"traceparent\\x0A", "tracestate\\x0A", "baggage\\x0A", "b3\\x0A", "uber-trace-id\\x0A", "x-request-id\\x0A", "X-Amzn-Trace-Id\\x0A", "\\\\n", "\\x0A"})
  void recordHeaders(byte[] input) {
    ConsumerRecord<String, String> record = new ConsumerRecord<>("orders", 0, 0L, "key", "value");
    KafkaHarness.headers(input).forEach(h -> record.headers().add(h));
    RecordHeaders outbound = new RecordHeaders();
    HARNESS.check(record, ConsumerRecordGetter.INSTANCE, outbound, RecordHeadersSetter.INSTANCE);
    for (Header header : outbound) {
      String value = new String(header.value(), StandardCharsets.UTF_8);
      assertThat(value.getBytes(StandardCharsets.UTF_8)).isEqualTo(header.value());
    }
  }
}
