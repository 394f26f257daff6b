package dev.baton.bench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way of starting the bench service: which agent, with which settings. */
record Variant(String label, Path agentJar, List<String> properties, boolean exporting) {

  /** The variants every run measures, no agent first: the ratios are against it. */
  static List<Variant> all(Path batonJar, Path otelJar, String otlpEndpoint) {
    // Both agents export traces only: the reference agent's metrics and logs exporters are off,
    // or it would also send (to a receiver that takes only traces) what Baton does not produce.
    List<String> otelCommon = List.of("-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
    List<String> otlp = List.of("-Dotel.traces.exporter=otlp", "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.exporter.otlp.endpoint=" + otlpEndpoint);
    List<String> none = List.of("-Dotel.traces.exporter=none");
    return List.of(
        new Variant("no agent", null, List.of(), false),
        new Variant("OpenTelemetry agent, export off", otelJar, concat(otelCommon, none), false),
        new Variant("OpenTelemetry agent, OTLP", otelJar, concat(otelCommon, otlp), true),
        new Variant("Baton, export off", batonJar, none, false),
        new Variant("Baton, OTLP", batonJar, otlp, true),
        new Variant("Baton forward mode", batonJar, List.of("-Dbaton.mode=forward"), false));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  boolean isBaseline() {
    return agentJar == null;
  }

  boolean isOpenTelemetry() {
    return agentJar != null && label.startsWith("OpenTelemetry");
  }
}
