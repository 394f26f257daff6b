package dev.baton.instrumentation.api.http;

import static dev.baton.instrumentation.api.http.HttpServerCallsTest.runOnOtherThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrumentation.api.http.HttpServerCallsTest.Accessor;
import dev.baton.instrumentation.api.http.HttpServerCallsTest.Attributes;
import dev.baton.instrumentation.api.http.HttpServerCallsTest.Headers;
import dev.baton.instrumentation.api.http.HttpServerCallsTest.Request;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * When no span is recorded (a no-op tracer: nothing to compare by trace id), a later dispatch
 * still runs in what was extracted from the request.
 */
class HttpServerCallsWithoutSpansTest {

  @AfterAll
  static void reset() {
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void aLaterDispatchGetsTheExtractedBaggage() throws Exception {
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetry.propagating(ContextPropagators.create(W3CBaggagePropagator.getInstance())));
    HttpServerCalls<Request, Integer> calls =
        new HttpServerCalls<>(
            new HttpServerTracer<>("test", new Attributes(), new Headers()), new Accessor());
    Request request = new Request();
    request.headers.put("baggage", "tenant=acme");
    request.async = true;
    Object first = calls.enter(request);
    assertThat(calls.enter(request)).as("nested on the same thread").isNull();
    calls.exit(first, request, 200, null);

    AtomicReference<String> tenant = new AtomicReference<>();
    runOnOtherThread(() -> {
      Object dispatch = calls.enter(request);
      tenant.set(Baggage.current().getEntryValue("tenant"));
      calls.exit(dispatch, request, 200, null);
      assertThat(Context.current()).isSameAs(Context.root());
    });
    assertThat(tenant.get()).isEqualTo("acme");
  }
}
