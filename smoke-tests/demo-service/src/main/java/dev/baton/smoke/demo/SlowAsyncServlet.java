package dev.baton.smoke.demo;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers from another thread 300 ms after {@code service} has returned. */
final class SlowAsyncServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync();
    Thread worker = new Thread(() -> {
      try {
        Thread.sleep(300);
        async.getResponse().setContentType("text/plain");
        async.getResponse().getWriter().print("async done");
      } catch (InterruptedException | IOException e) {
        ((HttpServletResponse) async.getResponse()).setStatus(500);
      } finally {
        async.complete();
      }
    }, "demo-async");
    worker.start();
  }
}
