package dev.baton.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.baton.agent.config.AgentConfig.Exporter;
import dev.baton.agent.config.AgentConfig.OtlpProtocol;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigTest {

  @TempDir Path tempDir;

  private static AgentConfig config(Map<String, String> pairs) {
    return new AgentConfig(ConfigProperties.of(pairs));
  }

  private static AgentConfig config(String key, String value) {
    return config(Map.of(key, value));
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private Path writeFile(String content) throws IOException {
    Path file = tempDir.resolve("baton.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Nested
  class Defaults {

    @Test
    void emptyConfigurationGivesOpenTelemetryDefaults() {
      AgentConfig config = config(Map.of());

      assertThat(config.problems()).isEmpty();
      assertThat(config.enabled()).isTrue();
      assertThat(config.debug()).isFalse();
      assertThat(config.serviceName()).isEqualTo("unknown_service:java");
      assertThat(config.resourceAttributes()).isEmpty();
      assertThat(config.exporters()).containsExactly(Exporter.OTLP);
      assertThat(config.otlpProtocol()).isEqualTo(OtlpProtocol.HTTP_PROTOBUF);
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
      assertThat(config.otlpHeaders()).isEmpty();
      assertThat(config.otlpTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.otlpCompression()).isEqualTo("none");
      assertThat(config.zipkinEndpoint())
          .isEqualTo(URI.create("http://localhost:9411/api/v2/spans"));
      assertThat(config.sampler()).isEqualTo("parentbased_always_on");
      assertThat(config.samplerRatio()).isEqualTo(1.0);
      assertThat(config.propagators()).containsExactly("tracecontext", "baggage");
      assertThat(config.bspMaxQueueSize()).isEqualTo(8192);
      assertThat(config.bspMaxExportBatchSize()).isEqualTo(1024);
      assertThat(config.bspScheduleDelay()).isEqualTo(Duration.ofMillis(5000));
      assertThat(config.bspExportTimeout()).isEqualTo(Duration.ofMillis(30000));
    }

    @Test
    void emptySystemPropertiesAndEnvironmentGiveDefaults() {
      AgentConfig config = new AgentConfig(ConfigProperties.create(new Properties(), Map.of()));

      assertThat(config.problems()).isEmpty();
      assertThat(config.serviceName()).isEqualTo("unknown_service:java");
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
    }

    @Test
    void grpcDefaultEndpoint() {
      AgentConfig config = config("otel.exporter.otlp.protocol", "grpc");

      assertThat(config.problems()).isEmpty();
      assertThat(config.otlpProtocol()).isEqualTo(OtlpProtocol.GRPC);
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4317"));
      assertThat(config.describeExport()).isEqualTo("otlp(grpc http://localhost:4317)");
    }

    @Test
    void signalSpecificProtocolWinsOverGeneric() {
      AgentConfig config = config(Map.of(
          "otel.exporter.otlp.protocol", "http/protobuf",
          "otel.exporter.otlp.traces.protocol", "grpc"));

      assertThat(config.otlpProtocol()).isEqualTo(OtlpProtocol.GRPC);
    }

    @Test
    void genericEndpointGetsTracesPathForHttpProtobuf() {
      assertThat(config("otel.exporter.otlp.endpoint", "http://collector:4318").otlpEndpoint())
          .isEqualTo(URI.create("http://collector:4318/v1/traces"));
      assertThat(config("otel.exporter.otlp.endpoint", "https://collector:4318/").otlpEndpoint())
          .isEqualTo(URI.create("https://collector:4318/v1/traces"));
    }

    @Test
    void genericEndpointIsUsedAsIsForGrpc() {
      AgentConfig config = config(Map.of(
          "otel.exporter.otlp.protocol", "grpc",
          "otel.exporter.otlp.endpoint", "http://collector:4317"));

      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://collector:4317"));
    }

    @Test
    void signalSpecificEndpointIsUsedAsIs() {
      AgentConfig config = config(Map.of(
          "otel.exporter.otlp.endpoint", "http://generic:4318",
          "otel.exporter.otlp.traces.endpoint", "http://collector:4318/custom/path"));

      assertThat(config.problems()).isEmpty();
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://collector:4318/custom/path"));
    }

    @Test
    void describeExportListsEveryExporter() {
      AgentConfig config = config("otel.traces.exporter", "otlp,zipkin,console");

      assertThat(config.describeExport()).isEqualTo(
          "otlp(http/protobuf http://localhost:4318/v1/traces), "
              + "zipkin(http://localhost:9411/api/v2/spans), console");
      assertThat(config("otel.traces.exporter", "none").describeExport()).isEqualTo("none");
    }

    @Test
    void otherValidValuesAreRead() {
      AgentConfig config = config(Map.of(
          "otel.javaagent.enabled", "FALSE",
          "baton.debug", "true",
          "otel.exporter.otlp.compression", "gzip",
          "otel.exporter.otlp.headers", "api-key=abc,x-tenant=t%201",
          "otel.exporter.zipkin.endpoint", "https://zipkin:9411/api/v2/spans",
          "otel.bsp.max.queue.size", "100",
          "otel.bsp.max.export.batch.size", "10",
          "otel.traces.sampler", "TraceIdRatio",
          "otel.traces.sampler.arg", "0.25"));

      assertThat(config.problems()).isEmpty();
      assertThat(config.enabled()).isFalse();
      assertThat(config.debug()).isTrue();
      assertThat(config.otlpCompression()).isEqualTo("gzip");
      assertThat(config.otlpHeaders())
          .containsExactly(entry("api-key", "abc"), entry("x-tenant", "t 1"));
      assertThat(config.zipkinEndpoint())
          .isEqualTo(URI.create("https://zipkin:9411/api/v2/spans"));
      assertThat(config.bspMaxQueueSize()).isEqualTo(100);
      assertThat(config.bspMaxExportBatchSize()).isEqualTo(10);
      assertThat(config.sampler()).isEqualTo("traceidratio");
      assertThat(config.samplerRatio()).isEqualTo(0.25);
    }
  }

  @Nested
  class Precedence {

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
      ConfigProperties properties = ConfigProperties.create(
          properties("otel.service.name", "from-system"), Map.of("OTEL_SERVICE_NAME", "from-env"));

      assertThat(new AgentConfig(properties).serviceName()).isEqualTo("from-system");
    }

    @Test
    void environmentVariableIsUsedWithoutSystemProperty() {
      ConfigProperties properties =
          ConfigProperties.create(new Properties(), Map.of("OTEL_SERVICE_NAME", "from-env"));

      assertThat(new AgentConfig(properties).serviceName()).isEqualTo("from-env");
    }

    @Test
    void unrelatedSystemPropertiesAndVariablesAreIgnored() {
      ConfigProperties properties = ConfigProperties.create(
          properties("service.name", "x", "java.version", "17"),
          Map.of("SERVICE_NAME", "y", "PATH", "/bin"));

      assertThat(properties.get("service.name")).isNull();
      assertThat(properties.get("java.version")).isNull();
      assertThat(properties.get("path")).isNull();
      assertThat(new AgentConfig(properties).serviceName()).isEqualTo("unknown_service:java");
    }

    @Test
    void fileNamedBySystemPropertyIsLowestPrecedence() throws IOException {
      Path file = writeFile("otel.service.name=from-file\n"
          + "otel.traces.exporter=zipkin\n"
          + "otel.propagators=b3\n");
      ConfigProperties properties = ConfigProperties.create(
          properties("otel.javaagent.configuration-file", file.toString(),
              "otel.propagators", "tracecontext"),
          Map.of("OTEL_TRACES_EXPORTER", "console"));
      AgentConfig config = new AgentConfig(properties);

      assertThat(config.problems()).isEmpty();
      assertThat(config.serviceName()).isEqualTo("from-file");
      assertThat(config.exporters()).containsExactly(Exporter.CONSOLE);
      assertThat(config.propagators()).containsExactly("tracecontext");
    }

    @Test
    void fileNamedByEnvironmentVariable() throws IOException {
      Path file = writeFile("otel.service.name=from-file\nOTEL_TRACES_SAMPLER=always_off\n");
      ConfigProperties properties = ConfigProperties.create(new Properties(),
          Map.of("OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString()));
      AgentConfig config = new AgentConfig(properties);

      assertThat(config.problems()).isEmpty();
      assertThat(config.serviceName()).isEqualTo("from-file");
      assertThat(config.sampler()).isEqualTo("always_off");
    }

    @Test
    void environmentVariableWinsOverFile() throws IOException {
      Path file = writeFile("otel.service.name=from-file\n");
      ConfigProperties properties = ConfigProperties.create(new Properties(), Map.of(
          "OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString(),
          "OTEL_SERVICE_NAME", "from-env"));

      assertThat(new AgentConfig(properties).serviceName()).isEqualTo("from-env");
    }

    @Test
    void systemPropertyNamingTheFileWinsOverEnvironmentVariable() throws IOException {
      Path chosen = writeFile("otel.service.name=chosen\n");
      Path other = tempDir.resolve("other.properties");
      Files.writeString(other, "otel.service.name=other\n");
      ConfigProperties properties = ConfigProperties.create(
          properties("otel.javaagent.configuration-file", chosen.toString()),
          Map.of("OTEL_JAVAAGENT_CONFIGURATION_FILE", other.toString()));

      assertThat(new AgentConfig(properties).serviceName()).isEqualTo("chosen");
    }

    @Test
    void missingFileYieldsOneProblemAndDefaults() {
      String missing = tempDir.resolve("does-not-exist.properties").toString();
      ConfigProperties properties = ConfigProperties.create(
          properties("otel.javaagent.configuration-file", missing), Map.of());
      AgentConfig config = new AgentConfig(properties);

      assertThat(config.problems()).singleElement().asString()
          .contains("otel.javaagent.configuration-file")
          .contains(missing);
      assertThat(config.serviceName()).isEqualTo("unknown_service:java");
      assertThat(config.exporters()).containsExactly(Exporter.OTLP);
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
    }

    @Test
    void directoryAsFileYieldsOneProblemAndOtherSourcesStillApply() {
      ConfigProperties properties = ConfigProperties.create(new Properties(), Map.of(
          "OTEL_JAVAAGENT_CONFIGURATION_FILE", tempDir.toString(),
          "OTEL_SERVICE_NAME", "from-env"));
      AgentConfig config = new AgentConfig(properties);

      assertThat(config.problems()).singleElement().asString().contains(tempDir.toString());
      assertThat(config.serviceName()).isEqualTo("from-env");
    }
  }

  @Nested
  class Keys {

    @ParameterizedTest
    @CsvSource({
        "OTEL_TRACES_EXPORTER",
        "otel.traces.exporter",
        "otel-traces-exporter",
        "Otel.Traces.Exporter",
        "otel_traces.exporter"})
    void keySpellingsAreTheSame(String key) {
      ConfigProperties properties = ConfigProperties.of(Map.of(key, "zipkin"));

      assertThat(properties.get("otel.traces.exporter")).isEqualTo("zipkin");
      assertThat(properties.get("OTEL_TRACES_EXPORTER")).isEqualTo("zipkin");
      assertThat(new AgentConfig(properties).exporters()).containsExactly(Exporter.ZIPKIN);
    }

    @Test
    void dashesInKeysReadAsDots() {
      ConfigProperties properties =
          ConfigProperties.of(Map.of("otel.javaagent.configuration-file", "/x"));

      assertThat(properties.get("otel.javaagent.configuration.file")).isEqualTo("/x");
      assertThat(properties.get("OTEL_JAVAAGENT_CONFIGURATION_FILE")).isEqualTo("/x");
    }

    @Test
    void valuesAreTrimmedAndBlankIsAbsent() {
      ConfigProperties properties =
          ConfigProperties.of(Map.of("otel.service.name", "  svc  ", "otel.traces.exporter", "  "));

      assertThat(properties.get("otel.service.name")).isEqualTo("svc");
      assertThat(properties.get("otel.traces.exporter")).isNull();
      assertThat(new AgentConfig(properties).exporters()).containsExactly(Exporter.OTLP);
    }

    @Test
    void withPrefixReturnsNormalizedKeys() {
      ConfigProperties properties = ConfigProperties.of(Map.of(
          "OTEL_INSTRUMENTATION_JDBC_ENABLED", "false",
          "otel.instrumentation.kafka-clients.enabled", "true",
          "otel.service.name", "svc"));

      assertThat(properties.withPrefix("otel.instrumentation."))
          .containsOnly(
              entry("otel.instrumentation.jdbc.enabled", "false"),
              entry("otel.instrumentation.kafka.clients.enabled", "true"));
    }

    @Test
    void environmentKeysAreNormalized() {
      ConfigProperties properties = ConfigProperties.create(new Properties(),
          Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/x", "BATON_DEBUG", "true"));
      AgentConfig config = new AgentConfig(properties);

      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://c:4318/x"));
      assertThat(config.debug()).isTrue();
    }
  }

  @Nested
  class Exporters {

    @Test
    void otlpAndZipkin() {
      AgentConfig config = config("otel.traces.exporter", "otlp,zipkin");

      assertThat(config.problems()).isEmpty();
      assertThat(config.exporters()).containsExactly(Exporter.OTLP, Exporter.ZIPKIN);
    }

    @Test
    void spacesAndCaseAreTolerated() {
      AgentConfig config = config("otel.traces.exporter", " Zipkin , OTLP ");

      assertThat(config.problems()).isEmpty();
      assertThat(config.exporters()).containsExactly(Exporter.ZIPKIN, Exporter.OTLP);
    }

    @Test
    void console() {
      assertThat(config("otel.traces.exporter", "console").exporters())
          .containsExactly(Exporter.CONSOLE);
    }

    @Test
    void loggingIsAnAliasOfConsole() {
      AgentConfig config = config("otel.traces.exporter", "logging");

      assertThat(config.problems()).isEmpty();
      assertThat(config.exporters()).containsExactly(Exporter.CONSOLE);
      assertThat(config("otel.traces.exporter", "console,logging").exporters())
          .containsExactly(Exporter.CONSOLE);
    }

    @Test
    void none() {
      AgentConfig config = config("otel.traces.exporter", "none");

      assertThat(config.problems()).isEmpty();
      assertThat(config.exporters()).isEmpty();
    }

    @Test
    void unknownExporterYieldsOneProblemAndTheOthersAreKept() {
      AgentConfig config = config("otel.traces.exporter", "otlp,jaeger,zipkin");

      assertThat(config.exporters()).containsExactly(Exporter.OTLP, Exporter.ZIPKIN);
      assertThat(config.problems()).singleElement().asString()
          .contains("otel.traces.exporter")
          .contains("jaeger")
          .contains("accepted")
          .contains("otlp, zipkin, console, logging, none");
    }

    @Test
    void onlyAnUnknownExporterLeavesNone() {
      AgentConfig config = config("otel.traces.exporter", "jaeger");

      assertThat(config.exporters()).isEmpty();
      assertThat(config.problems()).hasSize(1);
    }
  }

  @Nested
  class InvalidValues {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "otel.javaagent.enabled | maybe",
        "baton.debug | yes",
        "otel.traces.sampler | sometimes",
        "otel.exporter.otlp.protocol | http/json",
        "otel.exporter.otlp.traces.protocol | thrift",
        "otel.exporter.otlp.endpoint | not a url",
        "otel.exporter.otlp.endpoint | ftp://x",
        "otel.exporter.otlp.traces.endpoint | not a url",
        "otel.exporter.otlp.traces.endpoint | ftp://x",
        "otel.exporter.zipkin.endpoint | ftp://x",
        "otel.exporter.zipkin.endpoint | http:///nohost",
        "otel.exporter.otlp.timeout | 10 parsecs",
        "otel.exporter.otlp.traces.timeout | soon",
        "otel.exporter.otlp.compression | zstd",
        "otel.bsp.schedule.delay | 10 parsecs",
        "otel.bsp.export.timeout | -5s",
        "otel.bsp.max.queue.size | -3",
        "otel.bsp.max.queue.size | 0",
        "otel.bsp.max.export.batch.size | many",
        "otel.propagators | foo",
        "otel.instrumentation.common.default-enabled | perhaps"})
    void invalidValueYieldsExactlyOneProblemLine(String key, String value) {
      AgentConfig config = config(key, value);

      assertThat(config.problems()).singleElement().asString()
          .contains(key)
          .contains(value)
          .contains("accepted");
    }

    @ParameterizedTest(name = "sampler arg {0}")
    @CsvSource({"1.5", "-0.1", "half", "NaN"})
    void invalidSamplerArgYieldsOneProblemAndRatioOne(String arg) {
      AgentConfig config = config(Map.of(
          "otel.traces.sampler", "parentbased_traceidratio",
          "otel.traces.sampler.arg", arg));

      assertThat(config.sampler()).isEqualTo("parentbased_traceidratio");
      assertThat(config.samplerRatio()).isEqualTo(1.0);
      assertThat(config.problems()).singleElement().asString()
          .contains("otel.traces.sampler.arg")
          .contains(arg)
          .contains("accepted");
    }

    @Test
    void samplerArgIsIgnoredForSamplersWithoutRatio() {
      AgentConfig config = config("otel.traces.sampler.arg", "1.5");

      assertThat(config.problems()).isEmpty();
      assertThat(config.samplerRatio()).isEqualTo(1.0);
    }

    @Test
    void invalidValuesFallBackToDefaults() {
      AgentConfig config = config(Map.of(
          "otel.javaagent.enabled", "maybe",
          "otel.traces.sampler", "sometimes",
          "otel.exporter.otlp.protocol", "http/json",
          "otel.exporter.otlp.endpoint", "ftp://x",
          "otel.exporter.otlp.timeout", "10 parsecs",
          "otel.bsp.max.queue.size", "-3",
          "otel.propagators", "foo"));

      assertThat(config.problems()).hasSize(7);
      assertThat(config.enabled()).isTrue();
      assertThat(config.sampler()).isEqualTo("parentbased_always_on");
      assertThat(config.otlpProtocol()).isEqualTo(OtlpProtocol.HTTP_PROTOBUF);
      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
      assertThat(config.otlpTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.bspMaxQueueSize()).isEqualTo(8192);
      assertThat(config.propagators()).isEmpty();
    }

    @Test
    void invalidSignalSpecificEndpointFallsBackToTheGenericOne() {
      AgentConfig config = config(Map.of(
          "otel.exporter.otlp.endpoint", "http://collector:4318",
          "otel.exporter.otlp.traces.endpoint", "not a url"));

      assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://collector:4318/v1/traces"));
      assertThat(config.problems()).singleElement().asString()
          .contains("otel.exporter.otlp.traces.endpoint")
          .contains("not a url")
          .contains("using http://collector:4318/v1/traces");
    }

    @Test
    void unknownPropagatorIsDroppedAndTheOthersAreKept() {
      AgentConfig config = config("otel.propagators", "tracecontext,foo,B3");

      assertThat(config.propagators()).containsExactly("tracecontext", "b3");
      assertThat(config.problems()).singleElement().asString()
          .contains("otel.propagators")
          .contains("foo")
          .contains("accepted");
    }

    @Test
    void propagatorsNoneGivesNone() {
      AgentConfig config = config("otel.propagators", "none");

      assertThat(config.problems()).isEmpty();
      assertThat(config.propagators()).isEmpty();
    }
  }

  @Nested
  class ResourceAttributes {

    @Test
    void pairsArePercentDecoded() {
      AgentConfig config = config("otel.resource.attributes",
          "deployment.environment=prod, team=a%20b%2Cc , path=%2Fx%3Dy,plus=a+b");

      assertThat(config.problems()).isEmpty();
      assertThat(config.resourceAttributes()).containsExactly(
          entry("deployment.environment", "prod"),
          entry("team", "a b,c"),
          entry("path", "/x=y"),
          entry("plus", "a+b"));
    }

    @Test
    void undecodableValueIsKeptAsGiven() {
      AgentConfig config = config("otel.resource.attributes", "k=100%");

      assertThat(config.problems()).isEmpty();
      assertThat(config.resourceAttributes()).containsExactly(entry("k", "100%"));
    }

    @Test
    void invalidEntryYieldsOneProblemAndTheOthersAreKept() {
      AgentConfig config = config("otel.resource.attributes", "a=1,broken,=nokey,b=2,");

      assertThat(config.resourceAttributes()).containsExactly(entry("a", "1"), entry("b", "2"));
      assertThat(config.problems()).hasSize(2);
      assertThat(config.problems().get(0))
          .contains("otel.resource.attributes")
          .contains("broken")
          .contains("accepted");
      assertThat(config.problems().get(1)).contains("=nokey");
    }

    @Test
    void serviceNameFromResourceAttributes() {
      AgentConfig config = config("otel.resource.attributes", "service.name=orders,x=y");

      assertThat(config.serviceName()).isEqualTo("orders");
    }

    @Test
    void otelServiceNameWinsOverResourceAttribute() {
      AgentConfig config = config(Map.of(
          "otel.resource.attributes", "service.name=orders",
          "otel.service.name", "billing"));

      assertThat(config.serviceName()).isEqualTo("billing");
    }
  }

  @Nested
  class Instrumentations {

    @Test
    void moduleDefaultIsUsedWithoutSettings() {
      AgentConfig config = config(Map.of());

      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isTrue();
      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), false)).isFalse();
    }

    @Test
    void moduleCanBeSwitchedOff() {
      AgentConfig config = config("otel.instrumentation.jdbc.enabled", "false");

      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isFalse();
      assertThat(config.isInstrumentationEnabled(List.of("kafka"), true)).isTrue();
    }

    @Test
    void moduleOffByDefaultCanBeSwitchedOn() {
      AgentConfig config = config("OTEL_INSTRUMENTATION_JDBC_SQLCOMMENTER_ENABLED", "true");

      assertThat(config.isInstrumentationEnabled(List.of("jdbc-sqlcommenter"), false)).isTrue();
    }

    @Test
    void aliasNameIsHonored() {
      AgentConfig config = config("otel.instrumentation.apache-httpclient.enabled", "false");

      assertThat(config.isInstrumentationEnabled(
          List.of("apache-httpclient-5", "apache-httpclient"), true)).isFalse();
    }

    @Test
    void firstNameThatIsSetWins() {
      AgentConfig config = config(Map.of(
          "otel.instrumentation.okhttp-3.enabled", "true",
          "otel.instrumentation.okhttp.enabled", "false"));

      assertThat(config.isInstrumentationEnabled(List.of("okhttp-3", "okhttp"), true)).isTrue();
    }

    @Test
    void commonDefaultEnabledFalseSwitchesEverythingOffUnlessExplicitlyOn() {
      AgentConfig config = config(Map.of(
          "otel.instrumentation.common.default-enabled", "false",
          "otel.instrumentation.servlet.enabled", "true"));

      assertThat(config.problems()).isEmpty();
      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isFalse();
      assertThat(config.isInstrumentationEnabled(List.of("servlet"), true)).isTrue();
      assertThat(config.isInstrumentationEnabled(List.of("javax-servlet", "servlet"), true))
          .isTrue();
    }

    @Test
    void invalidModuleSwitchYieldsOneProblemAndTheDefault() {
      AgentConfig config = config("otel.instrumentation.jdbc.enabled", "maybe");

      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isTrue();
      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isTrue();
      assertThat(config.problems()).singleElement().asString()
          .contains("otel.instrumentation.jdbc.enabled")
          .contains("maybe")
          .contains("accepted");
    }

    @Test
    void invalidModuleSwitchFallsBackToCommonDefault() {
      AgentConfig config = config(Map.of(
          "otel.instrumentation.common.default-enabled", "false",
          "otel.instrumentation.jdbc.enabled", "maybe"));

      assertThat(config.isInstrumentationEnabled(List.of("jdbc"), true)).isFalse();
      assertThat(config.problems()).hasSize(1);
    }
  }

  @Nested
  class Durations {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "500, PT0.5S",
        "500ms, PT0.5S",
        "10s, PT10S",
        "1m, PT1M",
        "2h, PT2H",
        "1d, PT24H",
        "10 s, PT10S",
        "10S, PT10S",
        "0, PT0S"})
    void parsed(String text, Duration expected) {
      assertThat(AgentConfig.parseDuration(text)).isEqualTo(expected);
      assertThat(config("otel.bsp.schedule.delay", text).bspScheduleDelay()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10 parsecs", "-3", "1.5s", "ms", "s10", "9999999999999"})
    void notParsed(String text) {
      assertThat(AgentConfig.parseDuration(text)).isNull();
    }

    @Test
    void signalSpecificTimeoutWins() {
      AgentConfig config = config(Map.of(
          "otel.exporter.otlp.timeout", "5s",
          "otel.exporter.otlp.traces.timeout", "750"));

      assertThat(config.otlpTimeout()).isEqualTo(Duration.ofMillis(750));
    }
  }

  @Nested
  class AgentArguments {

    @Test
    void agentArgumentsAreReadLikeSystemProperties() {
      ConfigProperties properties = ConfigProperties.fromEnvironment(
          "otel.service.name=from-args; otel.traces.exporter = zipkin ;baton.debug=true;"
              + "not-a-pair;=novalue;unrelated.key=x");

      assertThat(properties.get("otel.service.name")).isEqualTo("from-args");
      assertThat(properties.get("otel.traces.exporter")).isEqualTo("zipkin");
      assertThat(properties.get("baton.debug")).isEqualTo("true");
      assertThat(properties.get("unrelated.key")).isNull();
      AgentConfig config = new AgentConfig(properties);
      assertThat(config.serviceName()).isEqualTo("from-args");
      assertThat(config.exporters()).containsExactly(Exporter.ZIPKIN);
      assertThat(config.debug()).isTrue();
    }

    @Test
    void agentArgumentCanNameTheConfigurationFile() throws IOException {
      Path file = writeFile("otel.resource.attributes=team=payments\n");
      ConfigProperties properties = ConfigProperties.fromEnvironment(
          "otel.javaagent.configuration-file=" + file);

      assertThat(properties.get("otel.resource.attributes")).isEqualTo("team=payments");
    }

    @Test
    void nullAgentArgumentsAreAccepted() {
      ConfigProperties properties = ConfigProperties.fromEnvironment(null);

      assertThat(new AgentConfig(properties).exporters()).isNotNull();
    }
  }
}
