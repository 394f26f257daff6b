package dev.baton.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP trace receiver on 127.0.0.1, over HTTP (protobuf) and gRPC: what the agent's OTLP
 * exporter sends is parsed with the OpenTelemetry protocol definitions. It also accepts Zipkin v2 JSON posts on
 * {@code /api/v2/spans} and keeps their headers, to check what the agent's exporters send.
 * {@link #counting()} makes one that only counts the spans it receives and keeps none, for
 * benchmarks that send hundreds of thousands.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final Server grpcServer;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<Map<String, List<String>>> exportHeaders = new CopyOnWriteArrayList<>();
  private final List<String> zipkinBodies = new CopyOnWriteArrayList<>();
  private final List<byte[]> otlpBodies = new CopyOnWriteArrayList<>();
  private final LongAdder received = new LongAdder();
  private final boolean keepSpans;

  public OtlpReceiver() throws IOException {
    this(0);
  }

  /** @param httpPort the OTLP/HTTP port, or 0 for any free one */
  public OtlpReceiver(int httpPort) throws IOException {
    this(httpPort, true);
  }

  /** A receiver on any free ports that counts spans ({@link #receivedCount()}) and discards them. */
  public static OtlpReceiver counting() throws IOException {
    return new OtlpReceiver(0, false);
  }

  private OtlpReceiver(int httpPort, boolean keepSpans) throws IOException {
    this.keepSpans = keepSpans;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
    server.createContext("/v1/traces", this::handleOtlp);
    server.createContext("/api/v2/spans", this::handleZipkin);
    server.start();
    grpcServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TraceServiceGrpc.TraceServiceImplBase() {
          @Override
          public void export(ExportTraceServiceRequest request,
              StreamObserver<ExportTraceServiceResponse> response) {
            record(request);
            response.onNext(ExportTraceServiceResponse.getDefaultInstance());
            response.onCompleted();
          }
        })
        .build()
        .start();
  }

  /** The OTLP/HTTP base endpoint ({@code /v1/traces} is served below it). */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The OTLP/gRPC endpoint. */
  public String grpcEndpoint() {
    return "http://127.0.0.1:" + grpcServer.getPort();
  }

  private void handleOtlp(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = body(exchange);
      if (keepSpans) {
        exportHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
        otlpBodies.add(body);
      }
      record(ExportTraceServiceRequest.parseFrom(body));
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length);
      exchange.getResponseBody().write(response);
    }
  }

  private void record(ExportTraceServiceRequest request) {
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service = attributes(resourceSpans.getResource()).getOrDefault("service.name", "");
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        received.add(scopeSpans.getSpansCount());
        if (!keepSpans) {
          continue;
        }
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(flatten(service, scopeSpans.getScope().getName(), span));
        }
      }
    }
  }

  private void handleZipkin(HttpExchange exchange) throws IOException {
    try (exchange) {
      exportHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
      zipkinBodies.add(new String(body(exchange), java.nio.charset.StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(202, -1);
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private static ReceivedSpan flatten(String service, String scope, Span span) {
    HexFormat hex = HexFormat.of();
    Map<String, String> attributes = new LinkedHashMap<>();
    span.getAttributesList().forEach(kv -> attributes.put(kv.getKey(), text(kv.getValue())));
    List<String> events = new ArrayList<>();
    Map<String, String> exception = null;
    for (Span.Event event : span.getEventsList()) {
      events.add(event.getName());
      if (exception == null && event.getName().equals("exception")) {
        exception = new LinkedHashMap<>();
        for (KeyValue kv : event.getAttributesList()) {
          exception.put(kv.getKey(), text(kv.getValue()));
        }
      }
    }
    return new ReceivedSpan(
        service,
        scope,
        hex.formatHex(span.getTraceId().toByteArray()),
        hex.formatHex(span.getSpanId().toByteArray()),
        hex.formatHex(span.getParentSpanId().toByteArray()),
        span.getName(),
        span.getKind().name().replace("SPAN_KIND_", ""),
        attributes,
        span.getStatus().getCode().name().replace("STATUS_CODE_", ""),
        (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000,
        events,
        exception == null ? Map.of() : exception,
        span.getLinksList().stream()
            .map(link -> new ReceivedSpan.Link(
                hex.formatHex(link.getTraceId().toByteArray()), hex.formatHex(link.getSpanId().toByteArray())))
            .toList());
  }

  private static Map<String, String> attributes(Resource resource) {
    Map<String, String> result = new LinkedHashMap<>();
    resource.getAttributesList().forEach(kv -> result.put(kv.getKey(), text(kv.getValue())));
    return result;
  }

  private static String text(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case INT_VALUE:
        return Long.toString(value.getIntValue());
      case BOOL_VALUE:
        return Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE:
        return Double.toString(value.getDoubleValue());
      default:
        return value.toString();
    }
  }

  /** Waits until at least {@code count} spans of the trace have arrived. */
  public List<ReceivedSpan> awaitTrace(String traceId, int count, Duration timeout) throws InterruptedException {
    return await(s -> s.traceId().equals(traceId), count, timeout);
  }

  public List<ReceivedSpan> await(Predicate<ReceivedSpan> filter, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedSpan> matching;
    do {
      matching = spans.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + count + " spans, got " + matching + "; all received: " + spans);
  }

  /** How many spans arrived over OTLP (HTTP and gRPC) since the start or the last {@link #clear()}. */
  public long receivedCount() {
    return received.sum();
  }

  /** Forgets everything received so far. */
  public void clear() {
    received.reset();
    spans.clear();
    exportHeaders.clear();
    zipkinBodies.clear();
  }

  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  public List<Map<String, List<String>>> exportHeaders() {
    return List.copyOf(exportHeaders);
  }

  public List<String> zipkinBodies() {
    return List.copyOf(zipkinBodies);
  }

  /** Every OTLP/HTTP request body as received (after gzip), for checks on the raw bytes. */
  public List<byte[]> otlpBodies() {
    return List.copyOf(otlpBodies);
  }

  @Override
  public void close() {
    server.stop(0);
    grpcServer.shutdownNow();
  }
}
