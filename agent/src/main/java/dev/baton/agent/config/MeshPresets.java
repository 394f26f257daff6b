package dev.baton.agent.config;

import java.util.List;
import java.util.Map;

/**
 * Named sets of headers a mesh asks every application to forward, usable in
 * {@code baton.propagation.forward-headers}. Only headers that no propagator handles are listed:
 * W3C and B3 headers come from {@code otel.propagators}.
 */
final class MeshPresets {

  /** Istio's list of headers to propagate (besides traceparent/tracestate and the B3 headers). */
  private static final Map<String, List<String>> PRESETS = Map.of(
      "istio", List.of(
          "x-request-id",
          "x-ot-span-context",
          "x-cloud-trace-context",
          "grpc-trace-bin",
          "x-datadog-trace-id",
          "x-datadog-parent-id",
          "x-datadog-sampling-priority"));

  private MeshPresets() {}

  /** The preset's headers, or {@code null} if the name is not a preset. */
  static List<String> headers(String name) {
    return PRESETS.get(name);
  }

  static String names() {
    return String.join(", ", PRESETS.keySet());
  }
}
