package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Secrets planted everywhere a careless service handles them (the demo service's
 * {@code POST /secrets}: inbound query, Authorization and Cookie headers and body; outbound URL
 * user info and query on two clients, outbound Authorization header and body; SQL literals and a
 * prepared statement's parameter; the response body) never reach the trace backend with the
 * default settings: checked on the raw bytes the OTLP receiver got, not on decoded attributes,
 * while the spans themselves did arrive.
 */
class SensitiveDataTest extends WithReceiver {

  @Test
  void noPlantedSecretReachesTheBackend() throws Exception {
    String service = "secrets";
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String name : List.of("query", "password", "authorization", "cookie", "inbody", "userinfo",
        "apikey", "amz", "outauth", "outbody", "token", "pwd", "sqlliteral", "sqlparam", "responsebody")) {
      secrets.put(name, "s3cr3t" + name + UUID.randomUUID().toString().replace("-", ""));
    }
    try (DemoService demo = DemoService.start(
        Jdk.current(), DemoService.withAgent(DemoService.otlpSettings(receiver, service)), Map.of())) {
      String planted = secrets.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port()
              + "/secrets?token=" + secrets.get("query") + "&password=" + secrets.get("password") + "&page=1"))
          .header("Authorization", "Bearer " + secrets.get("authorization"))
          .header("Cookie", "session=" + secrets.get("cookie"))
          .header("s", planted)
          .POST(HttpRequest.BodyPublishers.ofString("card=" + secrets.get("inbody")))
          .timeout(Duration.ofSeconds(30))
          .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).startsWith("legacy=200 modern=200 found=bob")
          .contains(secrets.get("responsebody"));

      // SERVER /secrets, 2 CLIENT + 2 SERVER /downstream, 4 JDBC statements
      List<ReceivedSpan> spans =
          receiver.await(s -> s.serviceName().equals(service), 9, Duration.ofSeconds(30));
      assertThat(spans).extracting(ReceivedSpan::name)
          .contains("POST /secrets", "POST", "GET", "INSERT accounts", "SELECT accounts");
      assertThat(spans).filteredOn(s -> s.name().equals("POST /secrets")).singleElement()
          .satisfies(s -> assertThat(s.attributes()).containsEntry("url.query",
              "token=REDACTED&password=REDACTED&page=1"));
      assertThat(spans).filteredOn(s -> s.kind().equals("CLIENT") && s.attribute("url.full") != null)
          .extracting(s -> String.valueOf(s.attribute("url.full")))
          .anySatisfy(url -> assertThat(url).startsWith("http://REDACTED:REDACTED@127.0.0.1:")
              .contains("api_key=REDACTED&X-Amz-Signature=REDACTED&page=2"));
      Thread.sleep(500); // anything exported late is checked too

      byte[] raw = concat(receiver.otlpBodies());
      String asText = new String(raw, StandardCharsets.ISO_8859_1);
      assertThat(asText).contains("POST /secrets");
      for (Map.Entry<String, String> secret : secrets.entrySet()) {
        assertThat(asText).as("the %s secret in the exported bytes", secret.getKey())
            .doesNotContain(secret.getValue());
      }
      assertThat(asText).as("user name in a URL").doesNotContain("alice");
    }
  }

  private static byte[] concat(List<byte[]> bodies) {
    int size = bodies.stream().mapToInt(b -> b.length).sum();
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] body : bodies) {
      System.arraycopy(body, 0, all, at, body.length);
      at += body.length;
    }
    return all;
  }
}
