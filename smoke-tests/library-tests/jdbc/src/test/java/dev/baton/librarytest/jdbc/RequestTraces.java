package dev.baton.librarytest.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs database code inside a real instrumented servlet request that continues a known trace,
 * and reads back that trace from the agent's OTLP export.
 */
final class RequestTraces {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
  static final Duration WAIT = Duration.ofSeconds(30);

  private RequestTraces() {}

  /**
   * Runs the handler inside a request carrying {@link #TRACEPARENT} and the given headers (name,
   * value, ...); returns the response body.
   */
  static String inRequest(TracedServer.Handler handler, String... headers) throws Exception {
    List<String> all = new ArrayList<>(List.of("traceparent", TRACEPARENT));
    all.addAll(List.of(headers));
    try (TracedServer server = TracedServer.start(handler)) {
      return server.call(all.toArray(new String[0]));
    }
  }

  /**
   * The request's trace, once its SERVER span arrived: the database spans ended before it, so
   * they were exported before it too, and the counts below are final.
   */
  static List<ReceivedSpan> trace(int clientSpans) throws InterruptedException {
    AgentExtension.receiver().await(
        s -> s.traceId().equals(TRACE_ID) && s.kind().equals("SERVER"), 1, WAIT);
    List<ReceivedSpan> spans = AgentExtension.receiver().spans().stream()
        .filter(s -> s.traceId().equals(TRACE_ID)).toList();
    ReceivedSpan server = server(spans);
    assertThat(clients(spans)).as("CLIENT spans in %s", spans).hasSize(clientSpans)
        .allSatisfy(client -> {
          assertThat(client.parentSpanId()).as("parent of %s", client.name()).isEqualTo(server.spanId());
          assertThat(client.scopeName()).isEqualTo("baton.jdbc");
        });
    return spans;
  }

  static ReceivedSpan server(List<ReceivedSpan> spans) {
    List<ReceivedSpan> servers = spans.stream().filter(s -> s.kind().equals("SERVER")).toList();
    assertThat(servers).as("SERVER spans in %s", spans).hasSize(1);
    return servers.get(0);
  }

  static List<ReceivedSpan> clients(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> s.kind().equals("CLIENT")).toList();
  }

  static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
    List<ReceivedSpan> matching = clients(spans).stream().filter(s -> s.name().equals(name)).toList();
    assertThat(matching).as("CLIENT spans named '%s' in %s", name, spans).hasSize(1);
    return matching.get(0);
  }

  /** The CLIENT span whose exported query text is exactly {@code text}. */
  static ReceivedSpan withText(List<ReceivedSpan> spans, String text) {
    List<ReceivedSpan> matching =
        clients(spans).stream().filter(s -> text.equals(s.attribute("db.query.text"))).toList();
    assertThat(matching).as("CLIENT spans with text '%s' in %s", text, spans).hasSize(1);
    return matching.get(0);
  }
}
