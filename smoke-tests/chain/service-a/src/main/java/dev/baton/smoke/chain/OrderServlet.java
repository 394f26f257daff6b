package dev.baton.smoke.chain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /orders?id=...}: asks the pricing stub (OkHttp, on a pooled thread) while it asks
 * service B to reserve the order (java.net.http), then answers with both results.
 */
final class OrderServlet extends HttpServlet {

  private final HttpClient toB;
  private final String serviceB;
  private final OkHttpClient toStub;
  private final String stub;
  private final ExecutorService pool;

  OrderServlet(HttpClient toB, String serviceB, OkHttpClient toStub, String stub, ExecutorService pool) {
    this.toB = toB;
    this.serviceB = serviceB;
    this.toStub = toStub;
    this.stub = stub;
    this.pool = pool;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = URLEncoder.encode(String.valueOf(request.getParameter("id")), StandardCharsets.UTF_8);
    try {
      Future<String> pricing = pool.submit(() -> price(id));
      HttpResponse<String> reserved = toB.send(
          HttpRequest.newBuilder(URI.create(serviceB + "/reserve?id=" + id)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      String priced = pricing.get(30, TimeUnit.SECONDS);
      response.setStatus(reserved.statusCode() == 200 ? 200 : 502);
      response.setContentType("text/plain");
      response.getWriter().print("order " + id + ": b said " + reserved.statusCode() + " " + reserved.body()
          + "; pricing said " + priced);
    } catch (Exception e) {
      response.sendError(502, e.toString());
    }
  }

  private String price(String id) throws IOException {
    Request call = new Request.Builder().url(stub + "/pricing?id=" + id).build();
    try (Response answer = toStub.newCall(call).execute()) {
      return answer.code() + " " + answer.body().string();
    }
  }
}
