package dev.baton.agent.config;

import dev.baton.agent.tracing.PropagationFormat;
import dev.baton.instrumentation.api.SettingReader;
import dev.baton.instrumentation.api.propagation.HeaderValues;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every setting the agent understands, read once and validated. A wrong value never stops the
 * service: it yields one line in {@link #problems()} naming the key, the value and what is
 * accepted, and the default is used instead.
 */
public final class AgentConfig {

  public enum Exporter { OTLP, ZIPKIN, CONSOLE }

  public enum OtlpProtocol { GRPC, HTTP_PROTOBUF }

  /** {@code baton.mode}: spans per hop, or forwarding the inbound headers untouched. */
  public enum Mode { TRACE, FORWARD }

  static final List<String> EXPORTERS = List.of("otlp", "zipkin", "console", "logging", "none");
  static final List<String> PROTOCOLS = List.of("grpc", "http/protobuf");
  static final List<String> SAMPLERS = List.of("always_on", "always_off", "traceidratio",
      "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio");
  static final List<String> PROPAGATORS =
      List.of("tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "xray", "none");
  static final List<String> MODES = List.of("trace", "forward");
  static final List<String> COMPRESSIONS = List.of("gzip", "none");

  private final List<String> problems = new ArrayList<>();
  private final ConfigProperties properties;
  private final SettingReader settings;

  private final boolean enabled;
  private final boolean debug;
  private final int instrumentationErrorLimit;
  private final Mode mode;
  private final List<String> forwardHeaders;
  private final String serviceName;
  private final Map<String, String> resourceAttributes;
  private final Set<Exporter> exporters;
  private final OtlpProtocol otlpProtocol;
  private final URI otlpEndpoint;
  private final Map<String, String> otlpHeaders;
  private final Duration otlpTimeout;
  private final String otlpCompression;
  private final URI zipkinEndpoint;
  private final String sampler;
  private final double samplerRatio;
  private final List<String> propagators;
  private final boolean instrumentationDefaultEnabled;
  private final int bspMaxQueueSize;
  private final int bspMaxExportBatchSize;
  private final Duration bspScheduleDelay;
  private final Duration bspExportTimeout;
  private final boolean gapsEnabled;
  private final String gapsReportFile;
  private final int gapsStacksPerSecond;

  public AgentConfig(ConfigProperties properties) {
    this.properties = properties;
    this.settings = new SettingReader(properties::get, this::addProblem);
    problems.addAll(properties.problems());
    enabled = readBoolean("otel.javaagent.enabled", true);
    debug = readBoolean("baton.debug", false);
    instrumentationErrorLimit = readPositiveInt("baton.instrumentation.error-limit", 100);
    resourceAttributes = readMap("otel.resource.attributes");
    String name = properties.get("otel.service.name");
    if (name == null) {
      name = resourceAttributes.get("service.name");
    }
    serviceName = name != null ? name : "unknown_service:java";
    exporters = readExporters();
    otlpProtocol = readProtocol();
    otlpEndpoint = readOtlpEndpoint();
    otlpHeaders = readMap("otel.exporter.otlp.headers", "otel.exporter.otlp.traces.headers");
    otlpTimeout = readDuration("otel.exporter.otlp.timeout", Duration.ofSeconds(10),
        "otel.exporter.otlp.traces.timeout");
    otlpCompression = readChoice(first("otel.exporter.otlp.traces.compression",
        "otel.exporter.otlp.compression"), COMPRESSIONS, "none");
    zipkinEndpoint = readUri("otel.exporter.zipkin.endpoint",
        URI.create("http://localhost:9411/api/v2/spans"));
    String samplerName = readChoice("otel.traces.sampler", SAMPLERS, "parentbased_always_on");
    double ratio = 1.0;
    if (samplerName.endsWith("traceidratio")) {
      ratio = readRatio();
    }
    sampler = samplerName;
    samplerRatio = ratio;
    propagators = readPropagators();
    mode = readChoice("baton.mode", MODES, "trace").equals("forward") ? Mode.FORWARD : Mode.TRACE;
    forwardHeaders = readForwardHeaders();
    instrumentationDefaultEnabled =
        readBoolean("otel.instrumentation.common.default-enabled", true);
    // Larger than OpenTelemetry's 2048/512: at saturation a small fast service ends spans faster
    // than one round trip to the backend drains 512 at a time (see the README's export section).
    bspMaxQueueSize = readPositiveInt("otel.bsp.max.queue.size", 8192);
    bspMaxExportBatchSize = readPositiveInt("otel.bsp.max.export.batch.size", 1024);
    bspScheduleDelay = readDuration("otel.bsp.schedule.delay", Duration.ofMillis(5000));
    bspExportTimeout = readDuration("otel.bsp.export.timeout", Duration.ofMillis(30000));
    gapsEnabled = readBoolean("baton.gaps.enabled", true);
    gapsReportFile = properties.get("baton.gaps.report-file");
    gapsStacksPerSecond = readPositiveInt("baton.gaps.stack-samples-per-second", 32);
  }

  /** Whether trace gaps are counted (trace mode only: forward mode has no spans to break). */
  public boolean gapsEnabled() {
    return gapsEnabled && mode == Mode.TRACE;
  }

  /** Where the trace gap report is written at shutdown, or {@code null}. */
  public String gapsReportFile() {
    return gapsReportFile;
  }

  /** At most this many gap stacks read per instrumentation per second. */
  public int gapsStacksPerSecond() {
    return gapsStacksPerSecond;
  }

  /** Whether an instrumentation module is on, by its name and aliases. */
  public boolean isInstrumentationEnabled(List<String> names, boolean moduleDefault) {
    for (String name : names) {
      String key = "otel.instrumentation." + name + ".enabled";
      if (properties.get(key) != null) {
        return readBoolean(key, instrumentationDefaultEnabled && moduleDefault);
      }
    }
    return instrumentationDefaultEnabled && moduleDefault;
  }

  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean debug() {
    return debug;
  }

  /** After this many internal errors an instrumentation stops doing work; the others go on. */
  public int instrumentationErrorLimit() {
    return instrumentationErrorLimit;
  }

  public Mode mode() {
    return mode;
  }

  /** Header names (lower case) copied verbatim from inbound to outbound requests. */
  public List<String> forwardHeaders() {
    return forwardHeaders;
  }

  public String serviceName() {
    return serviceName;
  }

  public Map<String, String> resourceAttributes() {
    return resourceAttributes;
  }

  public Set<Exporter> exporters() {
    return exporters;
  }

  public OtlpProtocol otlpProtocol() {
    return otlpProtocol;
  }

  public URI otlpEndpoint() {
    return otlpEndpoint;
  }

  public Map<String, String> otlpHeaders() {
    return otlpHeaders;
  }

  public Duration otlpTimeout() {
    return otlpTimeout;
  }

  public String otlpCompression() {
    return otlpCompression;
  }

  public URI zipkinEndpoint() {
    return zipkinEndpoint;
  }

  public String sampler() {
    return sampler;
  }

  public double samplerRatio() {
    return samplerRatio;
  }

  public List<String> propagators() {
    return propagators;
  }

  public int bspMaxQueueSize() {
    return bspMaxQueueSize;
  }

  public int bspMaxExportBatchSize() {
    return bspMaxExportBatchSize;
  }

  public Duration bspScheduleDelay() {
    return bspScheduleDelay;
  }

  public Duration bspExportTimeout() {
    return bspExportTimeout;
  }

  /** A short description of where spans go, for the start-up line. */
  public String describeExport() {
    if (mode == Mode.FORWARD) {
      return "none (forward mode)";
    }
    if (exporters.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Exporter exporter : exporters) {
      switch (exporter) {
        case OTLP:
          parts.add("otlp(" + (otlpProtocol == OtlpProtocol.GRPC ? "grpc" : "http/protobuf") + " "
              + otlpEndpoint + ")");
          break;
        case ZIPKIN:
          parts.add("zipkin(" + zipkinEndpoint + ")");
          break;
        default:
          parts.add("console");
      }
    }
    return String.join(", ", parts);
  }

  // ---- readers: each records one problem line and falls back to the default ----

  private void problem(String key, String value, String accepted, Object fallback) {
    settings.invalid(key, value, accepted, fallback);
  }

  /** isInstrumentationEnabled may read the same key again: each line is kept once. */
  private void addProblem(String line) {
    if (!problems.contains(line)) {
      problems.add(line);
    }
  }

  private String first(String... keys) {
    for (String key : keys) {
      if (properties.get(key) != null) {
        return key;
      }
    }
    return keys[keys.length - 1];
  }

  private boolean readBoolean(String key, boolean fallback) {
    return settings.getBoolean(key, fallback);
  }

  private int readPositiveInt(String key, int fallback) {
    String value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problem(key, value, "a positive whole number", fallback);
    return fallback;
  }

  /** OpenTelemetry durations: a number with an optional unit ms, s, m, h, d; no unit means ms. */
  private Duration readDuration(String key, Duration fallback, String... overridingKeys) {
    String usedKey = key;
    for (String overriding : overridingKeys) {
      if (properties.get(overriding) != null) {
        usedKey = overriding;
      }
    }
    String value = properties.get(usedKey);
    if (value == null) {
      return fallback;
    }
    Duration parsed = parseDuration(value);
    if (parsed == null) {
      problem(usedKey, value, "a duration such as 500ms, 10s, 1m (no unit means ms)",
          fallback.toMillis() + "ms");
      return fallback;
    }
    return parsed;
  }

  static Duration parseDuration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < v.length() && Character.isDigit(v.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 12) {
      return null;
    }
    long amount = Long.parseLong(v.substring(0, unitStart));
    switch (v.substring(unitStart).trim()) {
      case "":
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      case "d":
        return Duration.ofDays(amount);
      default:
        return null;
    }
  }

  private String readChoice(String key, List<String> accepted, String fallback) {
    return settings.getChoice(key, accepted, fallback);
  }

  /** The list under the key, or {@code null} when it is not set. */
  private List<String> readList(String key) {
    return settings.getList(key, null);
  }

  private Set<Exporter> readExporters() {
    String key = "otel.traces.exporter";
    List<String> names = readList(key);
    Set<Exporter> result = new LinkedHashSet<>();
    if (names == null) {
      result.add(Exporter.OTLP);
      return result;
    }
    for (String name : names) {
      switch (name) {
        case "otlp":
          result.add(Exporter.OTLP);
          break;
        case "zipkin":
          result.add(Exporter.ZIPKIN);
          break;
        case "console":
        case "logging":
          result.add(Exporter.CONSOLE);
          break;
        case "none":
          break;
        default:
          problem(key, name, String.join(", ", EXPORTERS), "the others listed");
      }
    }
    if (names.contains("none") && names.size() > 1) {
      problems.add(key + "=" + properties.get(key) + " lists none with other exporters; "
          + "none is ignored");
    }
    return result;
  }

  private OtlpProtocol readProtocol() {
    String key = first("otel.exporter.otlp.traces.protocol", "otel.exporter.otlp.protocol");
    String value = readChoice(key, PROTOCOLS, "http/protobuf");
    return value.equals("grpc") ? OtlpProtocol.GRPC : OtlpProtocol.HTTP_PROTOBUF;
  }

  /**
   * The generic endpoint gets {@code /v1/traces} appended for http/protobuf; the signal-specific
   * one is used as given, as in OpenTelemetry.
   */
  private URI readOtlpEndpoint() {
    boolean grpc = otlpProtocol == OtlpProtocol.GRPC;
    URI base = readUri("otel.exporter.otlp.endpoint",
        URI.create(grpc ? "http://localhost:4317" : "http://localhost:4318"));
    URI derived = base;
    if (!grpc) {
      String text = base.toString();
      derived = URI.create((text.endsWith("/") ? text : text + "/") + "v1/traces");
    }
    return readUri("otel.exporter.otlp.traces.endpoint", derived);
  }

  private URI readUri(String key, URI fallback) {
    String value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (Exception ignored) {
      // reported below
    }
    problem(key, value, "an http:// or https:// URL with a host", fallback);
    return fallback;
  }

  private double readRatio() {
    String key = "otel.traces.sampler.arg";
    String value = properties.get(key);
    if (value == null) {
      return 1.0;
    }
    try {
      double ratio = Double.parseDouble(value);
      if (ratio >= 0.0 && ratio <= 1.0) {
        return ratio;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problem(key, value, "a number from 0.0 to 1.0", 1.0);
    return 1.0;
  }

  private List<String> readPropagators() {
    String key = "otel.propagators";
    List<String> names = readList(key);
    if (names == null) {
      return List.of("tracecontext", "baggage");
    }
    List<String> result = new ArrayList<>();
    for (String name : names) {
      if (name.equals("none")) {
        continue;
      }
      if (PROPAGATORS.contains(name)) {
        result.add(name);
      } else {
        problem(key, name, String.join(", ", PROPAGATORS), "the others listed");
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * {@code baton.propagation.forward-headers}: header names and preset names (see
   * {@link MeshPresets}), comma-separated. A header a configured propagator already handles is
   * refused: both would write it.
   */
  private List<String> readForwardHeaders() {
    String key = "baton.propagation.forward-headers";
    List<String> entries = readList(key);
    if (entries == null) {
      entries = List.of("x-request-id");
    }
    List<String> result = new ArrayList<>();
    for (String entry : entries) {
      List<String> preset = MeshPresets.headers(entry);
      for (String name : preset != null ? preset : List.of(entry)) {
        if (name.equals("none")) {
          continue;
        }
        if (!HeaderValues.isValidName(name)) {
          problem(key, name, "header names and the presets " + MeshPresets.names(), "the others listed");
        } else if (ownedByPropagator(name) != null) {
          problems.add(key + " lists " + name + ", which propagator " + ownedByPropagator(name)
              + " already forwards; it is ignored there");
        } else if (!result.contains(name)) {
          result.add(name);
        }
      }
    }
    return Collections.unmodifiableList(result);
  }

  private String ownedByPropagator(String header) {
    for (String name : propagators) {
      if (PropagationFormat.byConfigName(name).owns(header)) {
        return name;
      }
    }
    return null;
  }

  /** {@code key1=value1,key2=value2}, values percent-decoded as the OpenTelemetry spec asks. */
  private Map<String, String> readMap(String... keys) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String key : keys) {
      String value = properties.get(key);
      if (value == null) {
        continue;
      }
      for (String pair : value.split(",")) {
        if (pair.trim().isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          problems.add(key + " entry '" + pair.trim() + "' is not valid; accepted: "
              + "comma-separated key=value pairs; it is ignored");
          continue;
        }
        String name = pair.substring(0, eq).trim();
        String raw = pair.substring(eq + 1).trim();
        try {
          // percent-decoding only: URLDecoder would also turn '+' into a space
          result.put(name, URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          result.put(name, raw);
        }
      }
    }
    return Collections.unmodifiableMap(result);
  }
}
