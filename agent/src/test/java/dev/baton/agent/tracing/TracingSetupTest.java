package dev.baton.agent.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TracingSetupTest {

  @Test
  void withExportSwitchedOffSpansStillGetRealIdsSoTheContextTravelsOn() {
    Properties properties = new Properties();
    properties.setProperty("otel.traces.exporter", "none");
    AgentConfig config = new AgentConfig(ConfigProperties.forTest(properties));
    assertThat(config.problems()).isEmpty();
    assertThat(config.exporters()).isEmpty();

    try (OpenTelemetrySdk sdk = TracingSetup.create(config, "test")) {
      Span root = sdk.getTracer("test").spanBuilder("root").startSpan();
      SpanContext context = root.getSpanContext();
      root.end();

      assertThat(context.isValid()).as(context.toString()).isTrue();
      assertThat(context.isSampled()).isTrue();
    }
  }
}
