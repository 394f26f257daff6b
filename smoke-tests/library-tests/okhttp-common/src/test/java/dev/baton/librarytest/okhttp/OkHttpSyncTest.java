package dev.baton.librarytest.okhttp;

import static dev.baton.librarytest.okhttp.OkHttpRequests.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.Traceparent;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class OkHttpSyncTest extends AbstractOkHttpTest {

  @Override
  protected int send(OkHttpClient client, Request request) throws Exception {
    return OkHttpRequests.execute(client, request);
  }

  /**
   * The agent exports over OTLP with its own OkHttp, relocated to dev.baton.shaded.okhttp3: it
   * must not be instrumented, or every export would produce spans to export.
   */
  @Test
  void agentsOwnExportIsNotTraced() throws Exception {
    assertThat(send(CLIENT, OkHttpRequests.get(uri("/ok")))).isEqualTo(200);
    Traceparent traceparent = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    receiver().awaitTrace(traceparent.traceId(), 1, WAIT);
    Thread.sleep(500); // many export rounds (otel.bsp.schedule.delay=20)
    String exportTarget = "127.0.0.1:" + System.getProperty("baton.test.otlp.port") + "/";
    assertThat(receiver().spans())
        .noneMatch(span -> String.valueOf(span.attribute("url.full")).contains(exportTarget));
    assertThat(receiver().exportHeaders())
        .allSatisfy(headers -> assertThat(headers).doesNotContainKey("Traceparent"));
  }
}
