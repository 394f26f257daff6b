package dev.baton.agent.tracing;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.export.BoundedBatchSpanProcessor;
import dev.baton.agent.export.ConsoleSpanExporter;
import dev.baton.agent.export.DaemonThreads;
import dev.baton.agent.export.SpanExportJmx;
import dev.baton.agent.export.ZipkinSpanExporter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the OpenTelemetry SDK from the agent configuration. */
public final class TracingSetup {

  /**
   * How long exporting what is still queued may hold up the JVM's exit (the shutdown hook waits a
   * little longer than this). A backend that does not answer must not keep a stopping service
   * around for the 30 s of otel.bsp.export.timeout.
   */
  static final Duration SHUTDOWN_EXPORT_BOUND = Duration.ofSeconds(5);
  /** Names the OTLP exporters' HTTP client threads (OkHttp's dispatcher runs on this pool). */
  static final String OTLP_THREADS = "baton-otlp-exporter";

  private TracingSetup() {}

  /**
   * Forward mode: no tracer provider and no exporter, only the propagators. Spans started through
   * it are non-recording and carry their parent's ids, so no id is ever invented.
   */
  public static OpenTelemetry forwardOnly(AgentConfig config) {
    return OpenTelemetry.propagating(Propagation.create(config));
  }

  public static OpenTelemetrySdk create(AgentConfig config, String agentVersion) {
    SdkTracerProviderBuilder tracerProvider =
        SdkTracerProvider.builder()
            .setResource(resource(config, agentVersion))
            .setSampler(sampler(config));
    List<SpanExporter> batched = new ArrayList<>();
    for (AgentConfig.Exporter exporter : config.exporters()) {
      switch (exporter) {
        case OTLP:
          batched.add(otlp(config));
          break;
        case ZIPKIN:
          batched.add(ZipkinSpanExporter.create(config.zipkinEndpoint(), config.otlpTimeout()));
          break;
        case CONSOLE:
          // A debugging aid: every span as it ends, as OpenTelemetry's console exporter does.
          tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(new ConsoleSpanExporter()));
          break;
        default:
          throw new AssertionError(exporter);
      }
    }
    if (!batched.isEmpty()) {
      // Bounded queue: when the backend is slow or gone, spans are dropped and counted (log line,
      // JMX), the service is never blocked.
      BoundedBatchSpanProcessor processor =
          BoundedBatchSpanProcessor.builder(SpanExporter.composite(batched))
              .maxQueueSize(config.bspMaxQueueSize())
              .maxExportBatchSize(config.bspMaxExportBatchSize())
              .scheduleDelay(config.bspScheduleDelay())
              .exportTimeout(config.bspExportTimeout())
              .shutdownTimeout(SHUTDOWN_EXPORT_BOUND)
              .onWorkerStart(SpanExportJmx::register)
              .build();
      tracerProvider.addSpanProcessor(processor);
    } else if (!config.exporters().contains(AgentConfig.Exporter.CONSOLE)) {
      // otel.traces.exporter=none: the SDK hands out invalid, all-zero span contexts when it has no
      // processor at all, so nothing would be propagated; spans must still get real ids, as with
      // the OpenTelemetry agent (downstream services, log correlation, the application's API).
      tracerProvider.addSpanProcessor(IdsOnlySpanProcessor.INSTANCE);
    }
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider.build())
        .setPropagators(Propagation.create(config))
        .build();
  }

  /** Keeps the SDK creating real spans when nothing is exported; does no work per span. */
  private enum IdsOnlySpanProcessor implements SpanProcessor {
    INSTANCE;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }

  static Resource resource(AgentConfig config, String agentVersion) {
    AttributesBuilder attributes = Attributes.builder();
    for (Map.Entry<String, String> entry : config.resourceAttributes().entrySet()) {
      attributes.put(entry.getKey(), entry.getValue());
    }
    attributes.put("service.name", config.serviceName());
    attributes.put("telemetry.distro.name", "baton");
    attributes.put("telemetry.distro.version", agentVersion);
    return Resource.getDefault().merge(Resource.create(attributes.build()));
  }

  static Sampler sampler(AgentConfig config) {
    switch (config.sampler()) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(config.samplerRatio());
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(config.samplerRatio()));
      default:
        return Sampler.parentBased(Sampler.alwaysOn());
    }
  }

  private static SpanExporter otlp(AgentConfig config) {
    if (config.otlpProtocol() == AgentConfig.OtlpProtocol.GRPC) {
      OtlpGrpcSpanExporterBuilder builder =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(config.otlpEndpoint().toString())
              .setTimeout(config.otlpTimeout())
              .setCompression(config.otlpCompression())
              .setExecutorService(DaemonThreads.cachedPool(OTLP_THREADS));
      config.otlpHeaders().forEach(builder::addHeader);
      return builder.build();
    }
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(config.otlpEndpoint().toString())
            .setTimeout(config.otlpTimeout())
            .setCompression(config.otlpCompression())
            .setExecutorService(DaemonThreads.cachedPool(OTLP_THREADS));
    config.otlpHeaders().forEach(builder::addHeader);
    return builder.build();
  }
}
