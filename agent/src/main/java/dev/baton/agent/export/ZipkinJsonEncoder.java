package dev.baton.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns finished OpenTelemetry spans into a Zipkin v2 JSON array ({@code POST /api/v2/spans}).
 *
 * <p>The mapping follows the OpenTelemetry specification for Zipkin and the rules of
 * OpenTelemetry's own Zipkin exporter (not shipped: it pulls OkHttp 4 and left the OpenTelemetry
 * BOM): times in whole microseconds, INTERNAL spans without a kind, every attribute as a string
 * tag (arrays comma-joined), status as {@code otel.status_code}/{@code error} tags, events as
 * annotations. The JSON is written by hand because the agent must not carry a JSON library; every
 * string goes through {@link #appendString}, so no attribute value can break the document.
 */
public final class ZipkinJsonEncoder {

  static final String STATUS_CODE_TAG = "otel.status_code";
  static final String ERROR_TAG = "error";
  static final String SCOPE_NAME_TAG = "otel.scope.name";
  static final String SCOPE_VERSION_TAG = "otel.scope.version";
  static final String DROPPED_ATTRIBUTES_TAG = "otel.dropped_attributes_count";
  static final String DROPPED_EVENTS_TAG = "otel.dropped_events_count";

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /**
   * Where a CLIENT/PRODUCER span's remote service name comes from, best first (the ranking of the
   * OpenTelemetry Zipkin specification). Zipkin needs a remote endpoint to draw a dependency link.
   */
  private static final String[] REMOTE_NAME_KEYS = {
    "peer.service",
    "server.address",
    "net.peer.name",
    "network.peer.address",
    "server.socket.domain",
    "server.socket.address",
    "net.sock.peer.name",
    "net.sock.peer.addr",
    "peer.hostname",
    "peer.address",
    "db.name"
  };

  /**
   * Address/port pairs for the remote endpoint's ip and port, best first. Only values that already
   * are IP literals are used as ip: resolving a host name here would block the export thread.
   */
  private static final String[][] REMOTE_ADDRESS_KEYS = {
    {"network.peer.address", "network.peer.port"},
    {"server.address", "server.port"},
    {"server.socket.address", "server.socket.port"},
    {"net.sock.peer.addr", "net.sock.peer.port"},
    {"net.peer.name", "net.peer.port"},
    {"peer.address", "peer.port"}
  };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ZipkinJsonEncoder() {}

  /** Encodes {@code spans} as one Zipkin v2 JSON array, UTF-8. */
  public static byte[] encode(Collection<? extends SpanData> spans) {
    StringBuilder json = new StringBuilder(512 * Math.max(1, spans.size()));
    encode(spans, json);
    // Lone surrogates become '?' here: the output stays valid UTF-8 whatever the input.
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends {@code spans} as one Zipkin v2 JSON array to {@code out} (which may be reused). */
  public static void encode(Collection<? extends SpanData> spans, StringBuilder out) {
    out.append('[');
    boolean first = true;
    for (SpanData span : spans) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendSpan(span, out);
    }
    out.append(']');
  }

  static void appendSpan(SpanData span, StringBuilder out) {
    long startMicros = toMicros(span.getStartEpochNanos());
    // Zipkin treats duration 0 as "unknown"; a span that ended within its start microsecond
    // still took time, so it gets the smallest known duration.
    long durationMicros = Math.max(1, toMicros(span.getEndEpochNanos()) - startMicros);

    out.append("{\"traceId\":");
    appendString(out, span.getTraceId());
    if (span.getParentSpanContext().isValid()) {
      out.append(",\"parentId\":");
      appendString(out, span.getParentSpanId());
    }
    out.append(",\"id\":");
    appendString(out, span.getSpanId());
    String kind = zipkinKind(span.getKind());
    if (kind != null) {
      out.append(",\"kind\":\"").append(kind).append('"');
    }
    out.append(",\"name\":");
    appendString(out, span.getName());
    out.append(",\"timestamp\":").append(startMicros);
    out.append(",\"duration\":").append(durationMicros);

    out.append(",\"localEndpoint\":{\"serviceName\":");
    appendString(out, serviceName(span.getResource()));
    out.append('}');
    if (span.getKind() == SpanKind.CLIENT || span.getKind() == SpanKind.PRODUCER) {
      appendRemoteEndpoint(span.getAttributes(), out);
    }

    List<EventData> events = span.getEvents();
    if (!events.isEmpty()) {
      out.append(",\"annotations\":[");
      for (int i = 0; i < events.size(); i++) {
        EventData event = events.get(i);
        if (i > 0) {
          out.append(',');
        }
        out.append("{\"timestamp\":").append(toMicros(event.getEpochNanos())).append(",\"value\":");
        appendString(out, annotationValue(event));
        out.append('}');
      }
      out.append(']');
    }

    Map<String, String> tags = tags(span);
    if (!tags.isEmpty()) {
      out.append(",\"tags\":{");
      boolean first = true;
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, tag.getKey());
        out.append(':');
        appendString(out, tag.getValue());
      }
      out.append('}');
    }
    out.append('}');
  }

  /**
   * Tags in a map, not straight into the output: a span attribute may carry the same key as a tag
   * the exporter adds (say {@code otel.status_code}), and a JSON object must not repeat a key. As
   * in OpenTelemetry's exporter, the exporter's own tags win.
   */
  private static Map<String, String> tags(SpanData span) {
    Map<String, String> tags = new LinkedHashMap<>();
    Attributes attributes = span.getAttributes();
    attributes.forEach(
        (key, value) -> {
          String text = tagValue(key, value);
          // The spec asks to drop a false "error": Zipkin marks any span with that tag as failed.
          if (!(ERROR_TAG.equals(key.getKey()) && "false".equals(text))) {
            tags.put(key.getKey(), text);
          }
        });
    int droppedAttributes = span.getTotalAttributeCount() - attributes.size();
    if (droppedAttributes > 0) {
      tags.put(DROPPED_ATTRIBUTES_TAG, Integer.toString(droppedAttributes));
    }
    int droppedEvents = span.getTotalRecordedEvents() - span.getEvents().size();
    if (droppedEvents > 0) {
      tags.put(DROPPED_EVENTS_TAG, Integer.toString(droppedEvents));
    }

    StatusData status = span.getStatus();
    if (status.getStatusCode() != StatusCode.UNSET) {
      tags.put(STATUS_CODE_TAG, status.getStatusCode().name());
      // An "error" attribute set by the instrumentation says more than the status; keep it. An
      // empty value still marks the span as failed in Zipkin.
      if (status.getStatusCode() == StatusCode.ERROR && !tags.containsKey(ERROR_TAG)) {
        tags.put(ERROR_TAG, status.getDescription() == null ? "" : status.getDescription());
      }
    }

    InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
    if (!scope.getName().isEmpty()) {
      tags.put(SCOPE_NAME_TAG, scope.getName());
    }
    if (scope.getVersion() != null) {
      tags.put(SCOPE_VERSION_TAG, scope.getVersion());
    }
    return tags;
  }

  private static String serviceName(Resource resource) {
    String name = resource.getAttribute(SERVICE_NAME);
    if (name == null) {
      // The spec's fallback ("unknown_service:java"); Zipkin cannot file a span without a service.
      name = Resource.getDefault().getAttribute(SERVICE_NAME);
    }
    return name == null ? "unknown_service" : name;
  }

  private static void appendRemoteEndpoint(Attributes attributes, StringBuilder out) {
    String serviceName = null;
    for (String key : REMOTE_NAME_KEYS) {
      serviceName = nonEmptyAttribute(attributes, key);
      if (serviceName != null) {
        break;
      }
    }
    String ip = null;
    boolean ipv6 = false;
    long port = -1;
    for (String[] pair : REMOTE_ADDRESS_KEYS) {
      String address = nonEmptyAttribute(attributes, pair[0]);
      if (address == null) {
        continue;
      }
      long addressPort = portAttribute(attributes, pair[1]);
      if (isIpv4Literal(address) || isIpv6Literal(address)) {
        ipv6 = !isIpv4Literal(address);
        ip = ipv6 ? stripBrackets(address) : address;
        port = addressPort > 0 ? addressPort : port;
        break;
      }
      if (port < 0) {
        // A host name gives no ip, but its port still describes the remote endpoint.
        port = addressPort;
      }
    }
    if (port < 0) {
      port = portAttribute(attributes, "server.port");
    }
    // Zipkin rejects an empty endpoint object (and the whole request with it).
    if (serviceName == null && ip == null && port <= 0) {
      return;
    }
    out.append(",\"remoteEndpoint\":{");
    boolean needComma = false;
    if (serviceName != null) {
      out.append("\"serviceName\":");
      appendString(out, serviceName);
      needComma = true;
    }
    if (ip != null) {
      out.append(needComma ? "," : "").append(ipv6 ? "\"ipv6\":" : "\"ipv4\":");
      appendString(out, ip);
      needComma = true;
    }
    if (port > 0) {
      out.append(needComma ? "," : "").append("\"port\":").append(port);
    }
    out.append('}');
  }

  private static String nonEmptyAttribute(Attributes attributes, String key) {
    String value = attributes.get(AttributeKey.stringKey(key));
    return value == null || value.isEmpty() ? null : value;
  }

  /** The port, or -1 when absent or outside 1..65535 (Zipkin rejects the whole batch for that). */
  private static long portAttribute(Attributes attributes, String key) {
    Long port = attributes.get(AttributeKey.longKey(key));
    return port != null && port > 0 && port <= 0xffff ? port : -1;
  }

  static boolean isIpv4Literal(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** A cheap syntactic check; Zipkin validates the address and ignores one it cannot read. */
  static boolean isIpv6Literal(String s) {
    String address = stripBrackets(s);
    int colons = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == ':') {
        colons++;
      } else if (Character.digit(c, 16) < 0 && c != '.') {
        return false;
      }
    }
    return colons >= 2;
  }

  private static String stripBrackets(String s) {
    return s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']'
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static String zipkinKind(SpanKind kind) {
    switch (kind) {
      case SERVER:
        return "SERVER";
      case CLIENT:
        return "CLIENT";
      case PRODUCER:
        return "PRODUCER";
      case CONSUMER:
        return "CONSUMER";
      default:
        return null; // INTERNAL: Zipkin has no such kind, the field is left out
    }
  }

  private static long toMicros(long epochNanos) {
    return epochNanos / 1000;
  }

  /** A tag value: scalars as Java prints them, arrays comma-joined (OpenTelemetry's exporter). */
  static String tagValue(AttributeKey<?> key, Object value) {
    switch (key.getType()) {
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        StringBuilder joined = new StringBuilder();
        for (Object element : (List<?>) value) {
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(element);
        }
        return joined.toString();
      case VALUE:
        return valueTagText((Value<?>) value);
      default:
        return String.valueOf(value);
    }
  }

  /** Scalars as plain text, structures as JSON: a tag is a string, a map should stay readable. */
  private static String valueTagText(Value<?> value) {
    switch (value.getType()) {
      case STRING:
      case BOOLEAN:
      case LONG:
      case DOUBLE:
        return String.valueOf(value.getValue());
      case BYTES:
        return base64((ByteBuffer) value.getValue());
      case EMPTY:
        return "";
      default:
        StringBuilder json = new StringBuilder();
        appendJsonValue(json, value);
        return json.toString();
    }
  }

  /**
   * An event becomes an annotation. With attributes its value is {@code "name":{...}} as the
   * specification and OpenTelemetry's exporter write it; without, just the name, which reads better
   * in the Zipkin UI than {@code "name":{}}.
   */
  static String annotationValue(EventData event) {
    Attributes attributes = event.getAttributes();
    if (attributes.isEmpty()) {
      return event.getName();
    }
    StringBuilder value = new StringBuilder();
    appendString(value, event.getName());
    value.append(":{");
    boolean[] first = {true};
    attributes.forEach(
        (key, v) -> {
          if (!first[0]) {
            value.append(',');
          }
          first[0] = false;
          appendString(value, key.getKey());
          value.append(':');
          appendJsonValue(value, v);
        });
    return value.append('}').toString();
  }

  /** Attribute values (and {@link Value}s) as JSON: strings quoted, lists as arrays. */
  private static void appendJsonValue(StringBuilder out, Object value) {
    if (value instanceof String) {
      appendString(out, (String) value);
    } else if (value instanceof Double) {
      appendDouble(out, (Double) value);
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object element : (List<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendJsonValue(out, element);
      }
      out.append(']');
    } else if (value instanceof KeyValue) {
      // Only inside a KEY_VALUE_LIST, whose list is written as an object below.
      appendString(out, ((KeyValue) value).getKey());
      out.append(':');
      appendJsonValue(out, ((KeyValue) value).getValue());
    } else if (value instanceof Value) {
      Value<?> v = (Value<?>) value;
      switch (v.getType()) {
        case KEY_VALUE_LIST:
          out.append('{');
          boolean first = true;
          for (Object entry : (List<?>) v.getValue()) {
            if (!first) {
              out.append(',');
            }
            first = false;
            appendJsonValue(out, entry);
          }
          out.append('}');
          break;
        case BYTES:
          appendString(out, base64((ByteBuffer) v.getValue()));
          break;
        case EMPTY:
          out.append("null");
          break;
        default:
          appendJsonValue(out, v.getValue());
      }
    } else {
      out.append(value); // Boolean, Long
    }
  }

  /** NaN and infinities have no JSON number form; they are written as strings. */
  private static void appendDouble(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append('"').append(d).append('"');
    } else {
      out.append(d);
    }
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Appends {@code s} as a quoted JSON string: quote, backslash and every control character below
   * U+0020 escaped, U+2028/U+2029 escaped too (they end a line in JavaScript), everything else
   * kept as is so that non-ASCII text reaches Zipkin as UTF-8.
   */
  static void appendString(StringBuilder out, String s) {
    out.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String shortEscape;
      if (c == '"') {
        shortEscape = "\\\"";
      } else if (c == '\\') {
        shortEscape = "\\\\";
      } else if (c == '\n') {
        shortEscape = "\\n";
      } else if (c == '\r') {
        shortEscape = "\\r";
      } else if (c == '\t') {
        shortEscape = "\\t";
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
        shortEscape = null;
      } else {
        continue;
      }
      out.append(s, start, i);
      if (shortEscape != null) {
        out.append(shortEscape);
      } else {
        out.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
      start = i + 1;
    }
    out.append(s, start, s.length()).append('"');
  }
}
