package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Application faults pass through untouched (DESIGN.md rule 1): the fault app triggers failures
 * in a servlet, the JDK's HTTP clients, Kafka and JDBC (H2, PostgreSQL) and prints each caught
 * exception's class, message, causes and top stack frames; run without and with the agent (every
 * instrumentation on, JDBC spans even outside a request), the outputs are the same line by line,
 * including the count of agent frames in each stack (zero).
 */
class FaultPassThroughTest {

  static List<Jdk> jdks() {
    return Jdk.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void faultsAreTheSameWithAndWithoutTheAgent(Jdk jdk) throws Exception {
    Map<String, String> env = Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.shared().bootstrapServers(),
        "POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    List<String> without = faults(jdk, "faults-plain-" + jdk, List.of(), env);
    List<String> with = faults(jdk, "faults-agent-" + jdk, DemoService.withAgent(List.of(
        "-Dotel.service.name=fault-app",
        "-Dotel.traces.exporter=none",
        "-Dbaton.jdbc.root-spans.enabled=true")), env);

    assertThat(without).as("the fault app's report").hasSizeGreaterThan(100)
        .anyMatch(line -> line.startsWith("fault servlet/runtime: java.lang.IllegalStateException: order service broken"))
        .anyMatch(line -> line.startsWith("fault java-http-client.send.refused: java.net.ConnectException"))
        .anyMatch(line -> line.startsWith("fault kafka.record-too-large.callback: org.apache.kafka.common.errors.RecordTooLargeException"))
        .anyMatch(line -> line.startsWith("fault kafka.serialization.future: org.apache.kafka.common.errors.SerializationException"))
        .anyMatch(line -> line.startsWith("fault h2.duplicate-key: org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException"))
        .anyMatch(line -> line.startsWith("fault postgresql.syntax.query: org.postgresql.util.PSQLException"));
    assertThat(with).containsExactlyElementsOf(without);
  }

  private static List<String> faults(Jdk jdk, String name, List<String> jvmArgs, Map<String, String> env)
      throws Exception {
    List<String> args = new ArrayList<>(jvmArgs);
    args.addAll(List.of("-jar", Artifacts.faultJar().toString()));
    try (ServiceProcess app = ServiceProcess.start(name, ServiceProcess.java(jdk, args), env)) {
      assertThat(app.awaitExit(Duration.ofSeconds(120))).as(app.describe()).isEqualTo(0);
      String out = app.stdout();
      assertThat(out).as(app.describe()).contains("FAULT-APP DONE");
      assertThat(app.stderr()).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR");
      return Arrays.stream(out.split("\n"))
          .filter(line -> line.startsWith("fault ") || line.startsWith("agent-frames "))
          .map(FaultPassThroughTest::withoutRecordSize)
          .toList();
    }
  }

  /**
   * Kafka's RecordTooLargeException names the serialized size, which includes the record's
   * headers: with the agent the record also carries the trace context it exists to send
   * ({@code traceparent}, about 70 bytes), so only that number may differ. Everything else of the
   * exception (class, the rest of the message, causes, frames) is compared as it is.
   */
  private static String withoutRecordSize(String line) {
    return line.replaceAll("The message is \\d+ bytes when serialized", "The message is <size> bytes when serialized");
  }
}
