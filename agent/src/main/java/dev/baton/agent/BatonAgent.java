package dev.baton.agent;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import dev.baton.agent.gaps.TraceGapsReport;
import dev.baton.agent.logging.AgentLogLevel;
import dev.baton.agent.logging.SdkLogBridge;
import dev.baton.agent.tooling.AdviceErrorReporter;
import dev.baton.agent.tooling.InstrumentationInstaller;
import dev.baton.agent.tracing.TracingSetup;
import dev.baton.bootstrap.AdviceErrors;
import dev.baton.instrumentation.api.InstrumentationConfig;
import dev.baton.instrumentation.api.InstrumentationModule;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent's entry point in its own class loader, called by the launcher. */
public final class BatonAgent {

  private BatonAgent() {}

  public static void start(Instrumentation instrumentation, String agentArgs, boolean lateAttach)
      throws Exception {
    long startNanos = System.nanoTime();
    ConfigProperties properties = ConfigProperties.fromEnvironment(agentArgs);
    AgentConfig config = new AgentConfig(properties);
    AgentLogLevel.setDebug(config.debug());
    Logger logger = LoggerFactory.getLogger(BatonAgent.class);
    if (!config.enabled()) {
      logger.info("disabled by otel.javaagent.enabled=false");
      return;
    }
    String version = version();
    SdkLogBridge.install(config.debug());

    if (config.mode() == AgentConfig.Mode.FORWARD) {
      GlobalOpenTelemetry.set(TracingSetup.forwardOnly(config));
    } else {
      OpenTelemetrySdk sdk = TracingSetup.create(config, version);
      GlobalOpenTelemetry.set(sdk);
      // Spans still queued are exported before the JVM exits, within a bound.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS),
                  "baton-shutdown"));
    }
    AdviceErrorReporter errorReporter = new AdviceErrorReporter(config.instrumentationErrorLimit());
    AdviceErrors.install(errorReporter);
    // Modules read their own settings from the same sources, once, when they first run.
    InstrumentationConfig.install(properties::get, problem -> logger.warn("configuration: {}", problem));
    TraceGapsReport.install(config);

    List<InstrumentationModule> modules =
        InstrumentationInstaller.install(
            instrumentation, enabledModules(config), lateAttach, errorReporter.errorLimit());

    for (String problem : config.problems()) {
      logger.warn("configuration: {}", problem);
    }
    List<String> names = new ArrayList<>();
    modules.forEach(m -> names.add(m.name()));
    logger.info(
        "Baton {} started in {} ms{}: {} mode, service {}, export {}, propagators {}, "
            + "forward-headers {}, instrumentations {}",
        version,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
        lateAttach ? " (attached)" : "",
        config.mode().name().toLowerCase(java.util.Locale.ROOT),
        config.serviceName(),
        config.describeExport(),
        config.propagators(),
        config.forwardHeaders(),
        names);
  }

  private static List<InstrumentationModule> enabledModules(AgentConfig config) {
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module :
        ServiceLoader.load(InstrumentationModule.class, BatonAgent.class.getClassLoader())) {
      List<String> names = new ArrayList<>();
      names.add(module.name());
      names.addAll(module.aliases());
      if (config.isInstrumentationEnabled(names, module.defaultEnabled())) {
        enabled.add(module);
      }
    }
    return enabled;
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = BatonAgent.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (Exception ignored) {
      // the version is only informative
    }
    return properties.getProperty("version", "unknown");
  }
}
