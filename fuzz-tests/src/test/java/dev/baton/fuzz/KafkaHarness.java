package dev.baton.fuzz;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** {@link PropagationHarness} for Kafka records: every format, inbound record to outbound headers. */
public final class KafkaHarness {

  private final PropagationHarness harness =
      new PropagationHarness("tracecontext,baggage,b3,b3multi,jaeger,ottrace,xray");

  /** Checks the record's headers, then writes what went out with the real setter. */
  public <C, O> void check(C record, TextMapGetter<C> getter, O outbound, TextMapSetter<O> setter) {
    Map<String, String> out = harness.check(record, getter);
    out.forEach((key, value) -> setter.set(outbound, key, value));
  }

  /** Name line, value line, ...; {@code \n} in a value line stands for LF. */
  public static List<Header> headers(byte[] input) {
    List<Header> headers = new ArrayList<>();
    List<byte[]> lines = split(input);
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      String name = new String(lines.get(i), java.nio.charset.StandardCharsets.UTF_8);
      headers.add(new RecordHeader(name, unescape(lines.get(i + 1))));
    }
    return headers;
  }

  private static List<byte[]> split(byte[] input) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= input.length; i++) {
      if (i == input.length || input[i] == '\n') {
        byte[] line = new byte[i - start];
        System.arraycopy(input, start, line, 0, line.length);
        lines.add(line);
        start = i + 1;
      }
    }
    return lines;
  }

  private static byte[] unescape(byte[] line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\\' && i + 1 < line.length && line[i + 1] == 'n') {
        out.write('\n');
        i++;
      } else {
        out.write(line[i]);
      }
    }
    return out.toByteArray();
  }
}
