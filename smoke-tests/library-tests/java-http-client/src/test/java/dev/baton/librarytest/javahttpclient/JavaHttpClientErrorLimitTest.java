package dev.baton.librarytest.javahttpclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.javahttpclient.JavaHttpClientSyncTest.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs with {@code baton.instrumentation.error-limit=3} (its own surefire execution): an
 * instrumentation whose advice keeps failing is switched off after three errors, the
 * application's calls are never disturbed, and the other instrumentations (the servlet's SERVER
 * span) keep working. The fault is a request object that throws the first time anything reads
 * it, which is the agent's advice (the JDK reads it only after). Not under {@link AgentExtension}'s
 * check, since the errors are the point.
 */
class JavaHttpClientErrorLimitTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void failingInstrumentationIsSwitchedOffAloneAfterTheLimit() throws Exception {
    assumeTrue("3".equals(System.getProperty("baton.instrumentation.error-limit")),
        "runs only in the instrumentation-error-limit execution");
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    URI uri = URI.create("http://127.0.0.1:" + downstream.getPort() + "/ok");
    AgentExtension.receiver().clear();
    long errorsBefore = AgentExtension.adviceErrors();
    try (TracedServer server = TracedServer.start(request -> {
      boolean faulty = "1".equals(request.getHeader("x-faulty"));
      // generous: a loaded CI machine must not turn into a timeout here
      HttpRequest call = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60)).build();
      return String.valueOf(CLIENT.send(faulty ? new FailsOnFirstRead(call) : call,
          HttpResponse.BodyHandlers.discarding()).statusCode());
    })) {
      // Before: a CLIENT span, and the context on the wire.
      assertThat(server.call()).isEqualTo("200");
      assertThat(lastDownstreamRequest().getHeader("traceparent")).isNotNull();
      AgentExtension.receiver().await(s -> s.kind().equals("CLIENT"), 1, Duration.ofSeconds(30));

      for (int i = 0; i < 3; i++) {
        assertThat(server.call("x-faulty", "1")).as("the application's call is undisturbed").isEqualTo("200");
      }
      assertThat(AgentExtension.adviceErrors() - errorsBefore).isEqualTo(3);
      // the four requests so far are exported before the receiver is cleared
      AgentExtension.receiver().await(s -> s.kind().equals("SERVER"), 4, Duration.ofSeconds(30));
      Thread.sleep(300);

      AgentExtension.receiver().clear();
      assertThat(server.call()).isEqualTo("200");
      assertThat(lastDownstreamRequest().getHeader("traceparent")).as("java-http-client is off").isNull();
      List<ReceivedSpan> spans =
          AgentExtension.receiver().await(s -> s.kind().equals("SERVER"), 1, Duration.ofSeconds(30));
      assertThat(spans).as("the servlet instrumentation still works").hasSize(1);
      Thread.sleep(300);
      assertThat(AgentExtension.receiver().spans()).noneMatch(s -> s.kind().equals("CLIENT"));
      assertThat(AgentExtension.adviceErrors() - errorsBefore).as("no errors once off").isEqualTo(3);
    }
  }

  private static LoggedRequest lastDownstreamRequest() {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok")));
    return requests.get(requests.size() - 1);
  }

  /** An application's request type with a bug: its first read throws. */
  private static final class FailsOnFirstRead extends HttpRequest {
    private final HttpRequest delegate;
    private final AtomicBoolean armed = new AtomicBoolean(true);

    FailsOnFirstRead(HttpRequest delegate) {
      this.delegate = delegate;
    }

    private void trip() {
      if (armed.getAndSet(false)) {
        throw new IllegalStateException("deliberate fault in the application's request type");
      }
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
      trip();
      return delegate.bodyPublisher();
    }

    @Override
    public String method() {
      trip();
      return delegate.method();
    }

    @Override
    public Optional<Duration> timeout() {
      trip();
      return delegate.timeout();
    }

    @Override
    public boolean expectContinue() {
      trip();
      return delegate.expectContinue();
    }

    @Override
    public URI uri() {
      trip();
      return delegate.uri();
    }

    @Override
    public Optional<HttpClient.Version> version() {
      trip();
      return delegate.version();
    }

    @Override
    public HttpHeaders headers() {
      trip();
      return delegate.headers();
    }
  }
}
