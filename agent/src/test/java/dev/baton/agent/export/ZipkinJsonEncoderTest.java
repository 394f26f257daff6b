package dev.baton.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipkinJsonEncoderTest {

  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN_ID = "b7ad6b7169203331";
  static final String PARENT_ID = "00f067aa0ba902b7";
  static final long START = 1_700_000_000_123_456_789L;

  @Test
  void writesExactlyTheExpectedJsonForOneServerSpan() {
    SpanData span =
        span()
            .setParentSpanContext(context(PARENT_ID))
            .setKind(SpanKind.SERVER)
            .setName("GET /users/{id}")
            .setEndEpochNanos(START + 1_500_000L)
            .setAttributes(
                Attributes.builder()
                    .put("http.request.method", "GET")
                    .put("http.response.status_code", 200L)
                    .put("url.path", "/users/42")
                    .build())
            .build();

    String json = encode(List.of(span));

    assertThat(json)
        .isEqualTo(
            "[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
                + "\"parentId\":\"00f067aa0ba902b7\","
                + "\"id\":\"b7ad6b7169203331\","
                + "\"kind\":\"SERVER\","
                + "\"name\":\"GET /users/{id}\","
                + "\"timestamp\":1700000000123456,"
                + "\"duration\":1500,"
                + "\"localEndpoint\":{\"serviceName\":\"checkout\"},"
                + "\"tags\":{\"http.request.method\":\"GET\","
                + "\"http.response.status_code\":\"200\","
                + "\"url.path\":\"/users/42\","
                + "\"otel.scope.name\":\"dev.baton.servlet\","
                + "\"otel.scope.version\":\"0.1.0\"}}]");
    assertThat(StrictJson.parse(json)).isInstanceOf(List.class);
  }

  @Test
  void rootSpanHasNoParentIdAndInternalSpanNoKind() {
    Map<String, Object> zipkin = encodeOne(span().setKind(SpanKind.INTERNAL).build());

    assertThat(zipkin).doesNotContainKeys("parentId", "kind", "remoteEndpoint", "annotations");
    assertThat(zipkin).containsEntry("traceId", TRACE_ID).containsEntry("id", SPAN_ID);
  }

  @Test
  void mapsEveryRemoteKind() {
    assertThat(encodeOne(span().setKind(SpanKind.SERVER).build())).containsEntry("kind", "SERVER");
    assertThat(encodeOne(span().setKind(SpanKind.CLIENT).build())).containsEntry("kind", "CLIENT");
    assertThat(encodeOne(span().setKind(SpanKind.PRODUCER).build()))
        .containsEntry("kind", "PRODUCER");
    assertThat(encodeOne(span().setKind(SpanKind.CONSUMER).build()))
        .containsEntry("kind", "CONSUMER");
  }

  @Test
  void timesAreWholeMicrosecondsAndDurationAtLeastOne() {
    Map<String, Object> sameInstant =
        encodeOne(span().setStartEpochNanos(1_000_999L).setEndEpochNanos(1_000_999L).build());
    assertThat(sameInstant.get("timestamp")).isEqualTo(new BigDecimal(1000));
    assertThat(sameInstant.get("duration")).isEqualTo(BigDecimal.ONE);

    // 999 ns into a microsecond and 2 ns into the next one: truncation, not rounding.
    Map<String, Object> subMicro =
        encodeOne(span().setStartEpochNanos(5_000_999L).setEndEpochNanos(5_003_002L).build());
    assertThat(subMicro.get("timestamp")).isEqualTo(new BigDecimal(5000));
    assertThat(subMicro.get("duration")).isEqualTo(new BigDecimal(3));
  }

  @Test
  void everyAttributeTypeBecomesAStringTag() {
    Attributes attributes =
        Attributes.builder()
            .put("s", "text")
            .put("b", true)
            .put("l", -7L)
            .put("d", 1.5)
            .put(AttributeKey.stringArrayKey("sa"), List.of("a", "b c"))
            .put(AttributeKey.booleanArrayKey("ba"), List.of(true, false))
            .put(AttributeKey.longArrayKey("la"), List.of(1L, 2L, 3L))
            .put(AttributeKey.doubleArrayKey("da"), List.of(0.5, 2.0))
            .put(
                AttributeKey.valueKey("v"),
                Value.of(Map.of("k", Value.of(Value.of("x\"y"), Value.of(3L)))))
            .put(AttributeKey.valueKey("vs"), Value.of("plain"))
            .build();

    Map<String, Object> tags =
        tags(
            encodeOne(span().setAttributes(attributes).setTotalAttributeCount(12).build()));

    assertThat(tags)
        .containsEntry("s", "text")
        .containsEntry("b", "true")
        .containsEntry("l", "-7")
        .containsEntry("d", "1.5")
        .containsEntry("sa", "a,b c")
        .containsEntry("ba", "true,false")
        .containsEntry("la", "1,2,3")
        .containsEntry("da", "0.5,2.0")
        .containsEntry("v", "{\"k\":[\"x\\\"y\",3]}")
        .containsEntry("vs", "plain")
        .containsEntry("otel.dropped_attributes_count", "2");
    assertThat(StrictJson.parse((String) tags.get("v")))
        .isEqualTo(Map.of("k", List.of("x\"y", new BigDecimal(3))));
  }

  @Test
  void hostileStringsSurviveTheRoundTrip() {
    String hostile = "q\"uo\\te\n\r\t\u0000\u0001\u001f\u007f\u2028 é 中文 😀 </script>";
    SpanData span =
        span()
            .setName(hostile)
            .setAttributes(Attributes.builder().put(hostile, hostile).build())
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), hostile)))
            .setEvents(
                List.of(
                    EventData.create(
                        START, hostile, Attributes.of(AttributeKey.stringKey(hostile), hostile))))
            .setTotalRecordedEvents(1)
            .build();

    byte[] bytes = ZipkinJsonEncoder.encode(List.of(span));
    for (byte b : bytes) {
      assertThat(b & 0xff).as("raw control byte in output").isGreaterThanOrEqualTo(0x20);
    }
    String json = new String(bytes, StandardCharsets.UTF_8);
    // Non-ASCII stays as UTF-8 text rather than \\u escapes; controls are escaped.
    assertThat(json)
        .contains("é 中文 😀")
        .contains("\\u0000")
        .contains("\\u001f")
        .contains("\\u2028")
        .contains("\\n")
        .contains("\\\"")
        .contains("\\\\");

    Map<String, Object> zipkin = single(json);
    assertThat(zipkin.get("name")).isEqualTo(hostile);
    assertThat(tags(zipkin)).containsEntry(hostile, hostile);
    assertThat(zipkin.get("localEndpoint")).isEqualTo(Map.of("serviceName", hostile));
    String annotation = (String) annotations(zipkin).get(0).get("value");
    // The annotation value is itself JSON ("name":{attributes}); it must be valid as well.
    assertThat(StrictJson.parse("{" + annotation + "}"))
        .isEqualTo(Map.of(hostile, Map.of(hostile, hostile)));
  }

  @Test
  void eventsBecomeAnnotations() {
    SpanData span =
        span()
            .setEvents(
                List.of(
                    EventData.create(START + 2_000L, "cache.miss", Attributes.empty()),
                    EventData.create(
                        START + 5_000L,
                        "exception",
                        Attributes.builder()
                            .put("exception.type", "java.io.IOException")
                            .put("exception.escaped", true)
                            .put(AttributeKey.longArrayKey("codes"), List.of(1L, 2L))
                            .put("ratio", Double.NaN)
                            .build())))
            .setTotalRecordedEvents(3)
            .build();

    Map<String, Object> zipkin = encodeOne(span);

    List<Map<String, Object>> annotations = annotations(zipkin);
    assertThat(annotations).hasSize(2);
    assertThat(annotations.get(0))
        .isEqualTo(
            Map.of("timestamp", new BigDecimal(1_700_000_000_123_458L), "value", "cache.miss"));
    assertThat(annotations.get(1).get("timestamp"))
        .isEqualTo(new BigDecimal(1_700_000_000_123_461L));
    assertThat(annotations.get(1).get("value"))
        .isEqualTo(
            "\"exception\":{\"codes\":[1,2],\"exception.escaped\":true,"
                + "\"exception.type\":\"java.io.IOException\",\"ratio\":\"NaN\"}");
    assertThat(tags(zipkin)).containsEntry("otel.dropped_events_count", "1");
  }

  @Test
  void errorStatusFollowsTheOpenTelemetryRules() {
    assertThat(
            tags(
                encodeOne(
                    span()
                        .setStatus(StatusData.create(StatusCode.ERROR, "connection reset"))
                        .build())))
        .containsEntry("otel.status_code", "ERROR")
        .containsEntry("error", "connection reset");

    assertThat(tags(encodeOne(span().setStatus(StatusData.error()).build())))
        .containsEntry("otel.status_code", "ERROR")
        .containsEntry("error", "");

    // An error attribute of the instrumentation's own is kept.
    assertThat(
            tags(
                encodeOne(
                    span()
                        .setStatus(StatusData.error())
                        .setAttributes(Attributes.of(AttributeKey.stringKey("error"), "timeout"))
                        .build())))
        .containsEntry("error", "timeout");

    assertThat(tags(encodeOne(span().setStatus(StatusData.ok()).build())))
        .containsEntry("otel.status_code", "OK")
        .doesNotContainKey("error");

    // UNSET: no status tags at all; a false "error" attribute would mark the span failed in Zipkin.
    Map<String, Object> unset =
        encodeOne(
            span()
                .setStatus(StatusData.unset())
                .setAttributes(Attributes.of(AttributeKey.booleanKey("error"), false))
                .build());
    assertThat(tags(unset)).doesNotContainKeys("otel.status_code", "error");
  }

  @Test
  void exporterTagsWinOverAttributesWithTheSameKey() {
    String json =
        encode(
            List.of(
                span()
                    .setStatus(StatusData.ok())
                    .setAttributes(
                        Attributes.of(AttributeKey.stringKey("otel.status_code"), "bogus"))
                    .build()));

    assertThat(tags(single(json))).containsEntry("otel.status_code", "OK");
    assertThat(json.indexOf("otel.status_code")).isEqualTo(json.lastIndexOf("otel.status_code"));
  }

  @Test
  void clientSpanGetsRemoteEndpoint() {
    Map<String, Object> byHostName =
        encodeOne(
            span()
                .setKind(SpanKind.CLIENT)
                .setAttributes(
                    Attributes.builder()
                        .put("server.address", "Inventory.internal")
                        .put("server.port", 8443L)
                        .build())
                .build());
    assertThat(byHostName.get("remoteEndpoint"))
        .isEqualTo(Map.of("serviceName", "Inventory.internal", "port", new BigDecimal(8443)));

    Map<String, Object> byPeer =
        encodeOne(
            span()
                .setKind(SpanKind.PRODUCER)
                .setAttributes(
                    Attributes.builder()
                        .put("peer.service", "billing")
                        .put("server.address", "billing.svc")
                        .put("network.peer.address", "10.1.2.3")
                        .put("network.peer.port", 9092L)
                        .build())
                .build());
    assertThat(byPeer.get("remoteEndpoint"))
        .isEqualTo(
            Map.of("serviceName", "billing", "ipv4", "10.1.2.3", "port", new BigDecimal(9092)));

    Map<String, Object> ipv6 =
        encodeOne(
            span()
                .setKind(SpanKind.CLIENT)
                .setAttributes(
                    Attributes.builder()
                        .put("server.address", "[2001:db8::1]")
                        .put("server.port", 70000L) // out of range: Zipkin would reject the batch
                        .build())
                .build());
    assertThat(ipv6.get("remoteEndpoint"))
        .isEqualTo(Map.of("serviceName", "[2001:db8::1]", "ipv6", "2001:db8::1"));

    // No usable attribute: no endpoint at all (Zipkin rejects an empty endpoint object).
    assertThat(encodeOne(span().setKind(SpanKind.CLIENT).build()))
        .doesNotContainKey("remoteEndpoint");
    // Server spans describe the caller through other attributes; no remote endpoint.
    assertThat(
            encodeOne(
                span()
                    .setKind(SpanKind.SERVER)
                    .setAttributes(Attributes.of(AttributeKey.stringKey("server.address"), "x"))
                    .build()))
        .doesNotContainKey("remoteEndpoint");
  }

  @Test
  void recognisesOnlyIpLiterals() {
    assertThat(ZipkinJsonEncoder.isIpv4Literal("127.0.0.1")).isTrue();
    assertThat(ZipkinJsonEncoder.isIpv4Literal("256.0.0.1")).isFalse();
    assertThat(ZipkinJsonEncoder.isIpv4Literal("1.2.3")).isFalse();
    assertThat(ZipkinJsonEncoder.isIpv4Literal("1.2.3.4.example.com")).isFalse();
    assertThat(ZipkinJsonEncoder.isIpv6Literal("::1")).isTrue();
    assertThat(ZipkinJsonEncoder.isIpv6Literal("fe80::1:2")).isTrue();
    assertThat(ZipkinJsonEncoder.isIpv6Literal("cafe")).isFalse();
    assertThat(ZipkinJsonEncoder.isIpv6Literal("host:8080")).isFalse();
  }

  @Test
  void serviceNameFallsBackToTheDefaultResource() {
    Map<String, Object> zipkin = encodeOne(span().setResource(Resource.empty()).build());

    assertThat(zipkin.get("localEndpoint"))
        .isEqualTo(Map.of("serviceName", "unknown_service:java"));
  }

  @Test
  void encodesSeveralSpansAndNone() {
    assertThat(encode(List.of())).isEqualTo("[]");
    SpanData other = span().setSpanContext(context("1111111111111111")).build();
    List<Object> spans = StrictJson.parseArray(encode(List.of(span().build(), other)));
    assertThat(spans).hasSize(2);

    StringBuilder reused = new StringBuilder("prefix:");
    ZipkinJsonEncoder.encode(List.of(other), reused);
    assertThat(reused.toString()).startsWith("prefix:[{\"traceId\"").endsWith("}]");
  }

  @Test
  void strictParserRejectsBrokenJson() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":\"x\ny\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrictJson.parse("[1,]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrictJson.parse("\"\\x\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrictJson.parse("[] x")).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------

  static TestSpanData.Builder span() {
    return TestSpanData.builder()
        .setSpanContext(context(SPAN_ID))
        .setParentSpanContext(SpanContext.getInvalid())
        .setKind(SpanKind.INTERNAL)
        .setName("work")
        .setStartEpochNanos(START)
        .setEndEpochNanos(START + 1_000_000L)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setResource(
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")))
        .setInstrumentationScopeInfo(
            InstrumentationScopeInfo.builder("dev.baton.servlet").setVersion("0.1.0").build());
  }

  static SpanContext context(String spanId) {
    return SpanContext.create(TRACE_ID, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }

  private static String encode(List<SpanData> spans) {
    return new String(ZipkinJsonEncoder.encode(spans), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> encodeOne(SpanData span) {
    return single(encode(List.of(span)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> single(String json) {
    List<Object> spans = StrictJson.parseArray(json);
    assertThat(spans).hasSize(1);
    return (Map<String, Object>) spans.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tags(Map<String, Object> zipkinSpan) {
    return (Map<String, Object>) zipkinSpan.getOrDefault("tags", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> annotations(Map<String, Object> zipkinSpan) {
    return (List<Map<String, Object>>) zipkinSpan.get("annotations");
  }

  /**
   * A small, strict JSON parser (RFC 8259): objects become insertion-ordered maps (a repeated key
   * is an error), arrays lists, numbers BigDecimal. Anything a lenient parser would let through,
   * such as raw control characters in strings, unknown escapes or trailing commas, is rejected.
   */
  static final class StrictJson {
    private final String text;
    private int pos;

    private StrictJson(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      StrictJson parser = new StrictJson(text);
      parser.skipWhitespace();
      Object value = parser.value();
      parser.skipWhitespace();
      if (parser.pos != text.length()) {
        throw parser.error("trailing characters");
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> parseArray(String text) {
      Object value = parse(text);
      if (!(value instanceof List)) {
        throw new IllegalArgumentException("not an array: " + text);
      }
      return (List<Object>) value;
    }

    private Object value() {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      expect('{');
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a key");
        }
        String key = string();
        if (map.containsKey(key)) {
          throw error("repeated key " + key);
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        map.put(key, value());
        skipWhitespace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      expect('[');
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        skipWhitespace();
        list.add(value());
        skipWhitespace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("raw control character in string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= text.length()) {
          throw error("unterminated escape");
        }
        char e = text.charAt(pos++);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            if (pos + 4 > text.length()) {
              throw error("short unicode escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
              int digit = Character.digit(text.charAt(pos++), 16);
              if (digit < 0) {
                throw error("bad unicode escape");
              }
              code = code * 16 + digit;
            }
            out.append((char) code);
            break;
          default:
            throw error("unknown escape \\" + e);
        }
      }
    }

    private BigDecimal number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek()) && peek() != '0') {
        digits();
      } else {
        throw error("unexpected character");
      }
      if (peek() == '.') {
        pos++;
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        digits();
      }
      return new BigDecimal(text.substring(start, pos));
    }

    private void digits() {
      if (!isDigit(peek())) {
        throw error("expected a digit");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw error("unexpected literal");
      }
      pos += word.length();
      return value;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c || pos >= text.length()) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipWhitespace() {
      while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      int from = Math.max(0, pos - 20);
      int to = Math.min(text.length(), pos + 20);
      return new IllegalArgumentException(
          what + " at " + pos + " near «" + text.substring(from, to) + "»");
    }
  }
}
