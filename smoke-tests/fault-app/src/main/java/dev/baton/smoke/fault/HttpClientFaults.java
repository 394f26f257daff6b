package dev.baton.smoke.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Connection refused and timeouts from the JDK's two HTTP clients. */
final class HttpClientFaults {

  private final FaultReport report;
  private final int closedPort;
  private final int silentPort;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpClientFaults(FaultReport report, int closedPort, int silentPort) {
    this.report = report;
    this.closedPort = closedPort;
    this.silentPort = silentPort;
  }

  void run() {
    String refused = "http://127.0.0.1:" + closedPort + "/orders";
    String silent = "http://127.0.0.1:" + silentPort + "/orders";
    report.print("java-http-client.send.refused", failure(() ->
        client.send(HttpRequest.newBuilder(URI.create(refused)).build(), HttpResponse.BodyHandlers.ofString())));
    report.print("java-http-client.send.timeout", failure(() ->
        client.send(HttpRequest.newBuilder(URI.create(silent)).timeout(Duration.ofMillis(300)).build(),
            HttpResponse.BodyHandlers.ofString())));
    report.print("java-http-client.sendAsync.refused", failure(() ->
        client.sendAsync(HttpRequest.newBuilder(URI.create(refused)).build(), HttpResponse.BodyHandlers.ofString())
            .get(10, TimeUnit.SECONDS)));
    report.printWithRootCauseFrames("java-http-client.sendAsync.refused.join", failure(() ->
        client.sendAsync(HttpRequest.newBuilder(URI.create(refused)).build(), HttpResponse.BodyHandlers.ofString())
            .join()));
    report.print("http-url-connection.refused", failure(() -> responseCode(refused, 0)));
    report.print("http-url-connection.read-timeout", failure(() -> responseCode(silent, 300)));
    report.print("http-url-connection.input.refused", failure(() -> {
      HttpURLConnection connection = (HttpURLConnection) new URL(refused).openConnection();
      try (InputStream in = connection.getInputStream()) {
        return in.read();
      }
    }));
  }

  private static int responseCode(String url, int readTimeout) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setReadTimeout(readTimeout);
    return connection.getResponseCode();
  }

  interface Call {
    Object call() throws Exception;
  }

  static Throwable failure(Call call) {
    try {
      call.call();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
