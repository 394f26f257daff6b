package dev.baton.agent.tracing;

import dev.baton.agent.config.AgentConfig;
import dev.baton.instrumentation.api.propagation.VerbatimHeaders;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the propagators for the configured mode. In trace mode each format's own propagator
 * parses and writes its headers (with new span ids on every hop); in forward mode each format's
 * headers are copied verbatim, and only if that format's parser accepts them. Forward-headers are
 * copied verbatim in both modes.
 */
public final class Propagation {

  private Propagation() {}

  public static ContextPropagators create(AgentConfig config) {
    List<TextMapPropagator> propagators = new ArrayList<>();
    for (String name : config.propagators()) {
      PropagationFormat format = PropagationFormat.byConfigName(name);
      if (config.mode() == AgentConfig.Mode.FORWARD) {
        propagators.add(new VerbatimHeaders(format.headers(), format.headerPrefixes(), format.propagator()));
      } else {
        propagators.add(format.propagator());
      }
    }
    if (!config.forwardHeaders().isEmpty()) {
      propagators.add(new VerbatimHeaders(config.forwardHeaders(), List.of(), null));
    }
    return ContextPropagators.create(new FirstValidPropagator(propagators));
  }
}
