package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.FailureDiagnostics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that bundles its own OpenTelemetry SDK, Byte Buddy and SLF4J 2 + Logback, all of
 * other versions than the agent's, runs unchanged with the agent attached and sees its own classes.
 */
class IsolationTest {

  /** No backend: a failure prints the application's log tail. */
  @RegisterExtension
  static FailureDiagnostics diagnostics = new FailureDiagnostics();

  static List<Jdk> jdks() {
    return Jdk.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void applicationSeesItsOwnLibraryVersions(Jdk jdk) throws Exception {
    List<String> command = ServiceProcess.java(jdk, List.of(
        "-javaagent:" + Artifacts.agentJar(),
        "-Dotel.traces.exporter=console",
        "-jar", Artifacts.conflictJar().toString()));
    try (ServiceProcess app = ServiceProcess.start("conflict-" + jdk, command, Map.of())) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.describe()).isEqualTo(0);
      String out = app.stdout();
      assertThat(out)
          .contains("CONFLICT-APP OK")
          .contains("otel.sdk.version=1.40.0")
          .contains("bytebuddy.version=1.14.18")
          .contains("bytebuddy.result=hello from bytebuddy")
          .contains("slf4j.binding=ch.qos.logback.classic.LoggerContext")
          .contains("app.spans.exported=1")
          .contains("APP-LOG INFO ConflictApp - logged through logback");
      assertThat(out).doesNotContain("otel.api.class.loader=null");
      String err = app.stderr();
      assertThat(err).contains("[baton] INFO Baton ");
      assertThat(err).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR").doesNotContain("SLF4J");
    }
  }
}
