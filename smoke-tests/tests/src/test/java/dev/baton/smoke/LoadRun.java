package dev.baton.smoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady load on one URL from a few client threads for a fixed time: requests per second, the
 * 99th percentile latency, and every request that did not get the expected answer.
 */
record LoadRun(double requestsPerSecond, double p99Millis, long requests, long errors) {

  static LoadRun run(URI uri, String expectedBody, int clients, Duration warmUp, Duration measured)
      throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      long[] mine = new long[1 << 20];
      int[] count = new int[1];
      latencies.add(mine);
      counts.add(count);
      Thread thread = new Thread(() -> {
        long now;
        while ((now = System.nanoTime()) < end) {
          try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().equals(expectedBody)) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          long done = System.nanoTime();
          if (now >= measureFrom && count[0] < mine.length) {
            mine[count[0]++] = done - now;
          }
        }
      }, "load-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = counts.stream().mapToInt(c -> c[0]).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < clients; i++) {
      System.arraycopy(latencies.get(i), 0, all, at, counts.get(i)[0]);
      at += counts.get(i)[0];
    }
    Arrays.sort(all);
    double p99 = total == 0 ? Double.NaN : all[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6;
    return new LoadRun(total / (measured.toNanos() / 1e9), p99, total, errors.get());
  }

  @Override
  public String toString() {
    return String.format("%.0f req/s, p99 %.1f ms, %d requests, %d errors",
        requestsPerSecond, p99Millis, requests, errors);
  }
}
