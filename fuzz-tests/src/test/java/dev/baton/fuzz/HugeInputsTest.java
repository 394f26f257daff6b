package dev.baton.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounded time on inputs far larger than the fuzzer's (and than any server would accept): each
 * header block of up to 4 MiB goes through every format within {@link PropagationHarness#LIMIT},
 * and nothing over a cap comes out.
 */
class HugeInputsTest {

  private static final PropagationHarness ALL =
      new PropagationHarness("tracecontext,baggage,b3,b3multi,jaeger,ottrace,xray");
  private static final String TRACEPARENT =
      "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n";

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("1 MiB traceparent", "traceparent: 00-" + "a".repeat(1 << 20) + "\n"),
        Arguments.of("100k tracestate members", TRACEPARENT + "tracestate: " + "k=v,".repeat(100_000) + "\n"),
        Arguments.of("100k baggage entries", "baggage: " + "key=value,".repeat(100_000) + "\n"),
        Arguments.of("4 MiB baggage value", "baggage: k=" + "v".repeat(4 << 20) + "\n"),
        Arguments.of("20k uberctx headers", "uber-trace-id: 4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1\n"
            + repeatNumbered("uberctx-k%d: v\n", 20_000)),
        Arguments.of("20k ot-baggage headers", "ot-tracer-traceid: a3ce929d0e0e4736\not-tracer-spanid: 00f067aa0ba902b7\n"
            + repeatNumbered("ot-baggage-k%d: value\n", 20_000)),
        Arguments.of("1 MiB x-request-id", "x-request-id: " + "r".repeat(1 << 20) + "\n"),
        Arguments.of("1 MiB X-Amzn-Trace-Id", "X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;" + "a=b;".repeat(1 << 18) + "\n"),
        Arguments.of("1 MiB b3", "b3: " + "-".repeat(1 << 20) + "\n"),
        Arguments.of("100k control characters", TRACEPARENT + "x-request-id: " + "\r\u0000".repeat(50_000) + "\n"));
  }

  private static String repeatNumbered(String format, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(String.format(format, i));
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void hugeInputIsHandledInBoundedTime(String name, String headers) {
    HeaderBlock block = HeaderBlock.parse(headers.getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < 3; i++) {
      Map<String, String> out = ALL.check(block, HeaderBlock.GETTER);
      assertThat(out.toString().length()).as("everything sent").isLessThan(64 * 1024);
    }
  }
}
