package dev.baton.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrumentation.api.InstrumentationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DbSettingsTest {

  private final List<String> problems = new ArrayList<>();

  private void configure(Map<String, String> values) {
    InstrumentationConfig.install(values::get, problems::add);
  }

  @AfterEach
  void reset() {
    InstrumentationConfig.install(key -> null, problem -> {});
  }

  @Test
  void defaults() {
    configure(Map.of());
    assertThat(DbSettings.querySanitization("jdbc")).isTrue();
    assertThat(DbSettings.sqlCommenter("jdbc")).isFalse();
  }

  @Test
  void theInstrumentationsKeyOverridesTheCommonOne() {
    configure(Map.of(
        "otel.instrumentation.common.db.query-sanitization.enabled", "false",
        "otel.instrumentation.jdbc.query-sanitization.enabled", "true",
        "otel.instrumentation.common.db.experimental.sqlcommenter.enabled", "true"));
    assertThat(DbSettings.querySanitization("jdbc")).isTrue();
    assertThat(DbSettings.querySanitization("r2dbc")).isFalse();
    assertThat(DbSettings.sqlCommenter("jdbc")).isTrue();
  }

  @Test
  void olderNamesStillWork() {
    configure(Map.of("otel.instrumentation.jdbc.statement-sanitizer.enabled", "false"));
    assertThat(DbSettings.querySanitization("jdbc")).isFalse();
  }

  @Test
  void aWrongValueIsReportedAndTheDefaultUsed() {
    configure(Map.of("otel.instrumentation.jdbc.experimental.sqlcommenter.enabled", "yes"));
    assertThat(DbSettings.sqlCommenter("jdbc")).isFalse();
    assertThat(problems).containsExactly(
        "otel.instrumentation.jdbc.experimental.sqlcommenter.enabled=yes is not valid; accepted: true, false; using false");
  }
}
