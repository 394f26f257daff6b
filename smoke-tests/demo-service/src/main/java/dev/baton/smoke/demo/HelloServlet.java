package dev.baton.smoke.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the downstream service and reports what it answered. No tracing code. */
final class HelloServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient HttpClient client;
  private final String downstream;

  HelloServlet(HttpClient client, String downstream) {
    this.client = client;
    this.downstream = downstream;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String base = downstream != null
        ? downstream
        : "http://127.0.0.1:" + request.getLocalPort();
    HttpRequest call =
        HttpRequest.newBuilder(URI.create(base + "/downstream?from=demo"))
            .timeout(Duration.ofSeconds(10))
            .header("x-demo", "1")
            .build();
    String answer;
    try {
      HttpResponse<String> downstreamResponse = client.send(call, HttpResponse.BodyHandlers.ofString());
      answer = downstreamResponse.statusCode() + " " + downstreamResponse.body();
      if (!call.headers().map().keySet().equals(java.util.Set.of("x-demo"))) {
        // the application's own request object must be left as it was
        answer += " [request object was modified: " + call.headers().map() + "]";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().print("hello; downstream said: " + answer);
  }
}
