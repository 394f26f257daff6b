package dev.baton.bench.service;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats} answers one line of {@code key=value} pairs: requests served, bytes allocated
 * by all threads so far, classes loaded, and heap in use ({@code ?gc=1} collects first, for the
 * heap that stays after load). Measured from inside because only the JVM knows them.
 */
final class StatsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient Counters counters;

  StatsServlet(Counters counters) {
    this.counters = counters;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    counters.statsRequests.increment();
    if ("1".equals(request.getParameter("gc"))) {
      System.gc();
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String line = "api=" + counters.apiRequests.sum()
        + " stats=" + counters.statsRequests.sum()
        + " kafkaFailures=" + counters.kafkaFailures.sum()
        + " allocated=" + threads.getTotalThreadAllocatedBytes()
        + " classes=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()
        + " heapUsed=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        + "\n";
    byte[] body = line.getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
