package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.propagation.TextMapGetter;
import application.io.opentelemetry.context.propagation.TextMapPropagator;
import application.io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/**
 * The agent's propagators (the formats of {@code otel.propagators}, and the forwarded mesh
 * headers) for the application's own injection and extraction.
 */
final class ApplicationPropagator implements TextMapPropagator {

  private static io.opentelemetry.context.propagation.TextMapPropagator agent() {
    return io.opentelemetry.api.GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public Collection<String> fields() {
    return agent().fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    agent().inject(ContextBridge.toAgent(context), carrier, setter::set);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    io.opentelemetry.context.Context agent = ContextBridge.toAgent(context);
    io.opentelemetry.context.Context extracted = agent().extract(agent, carrier, new Getter<>(getter));
    Object application = agent.get(ContextBridge.APPLICATION_CONTEXT);
    return new BridgedContext(extracted, application instanceof Context ? (Context) application : context);
  }

  private static final class Getter<C> implements io.opentelemetry.context.propagation.TextMapGetter<C> {
    private final TextMapGetter<C> application;

    Getter(TextMapGetter<C> application) {
      this.application = application;
    }

    @Override
    public Iterable<String> keys(C carrier) {
      return application.keys(carrier);
    }

    @Override
    public String get(C carrier, String key) {
      return application.get(carrier, key);
    }
  }
}
