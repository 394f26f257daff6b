package dev.baton.testing.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The test application every container deploys, described once whatever the servlet API: its
 * paths, and what its servlets do that does not depend on the API. {@code JakartaTestApp} and
 * {@code JavaxTestApp} are the same application in each API's types.
 */
public final class ServletTestApp {

  /** Exact mapping; with {@code ?downstream=URL} it calls that URL before answering. */
  public static final String ROUTE = "/route";
  /** Prefix mapping {@value}; requested as {@code /api/users/42}. */
  public static final String API = "/api/*";
  /** Two filters in front of a servlet. */
  public static final String FILTERED = "/filtered";
  public static final String FORWARD = "/forward";
  public static final String INCLUDE = "/include";
  /** Calls another servlet's {@code service} itself, without the container. */
  public static final String NESTED = "/nested";
  /** Answers 500 without throwing. */
  public static final String STATUS_500 = "/status500";
  /** Throws {@link #failure}; the container dispatches it to {@link #ERROR_PAGE}. */
  public static final String THROW = "/throw";
  /** Writes whether the exception the container handed it is the one thrown. */
  public static final String ERROR_PAGE = "/error-page";
  /** Starts async; another thread writes after {@link #ASYNC_DELAY_MILLIS} and completes. */
  public static final String ASYNC_COMPLETE = "/async-complete";
  /** Starts async; another thread dispatches to {@link #ASYNC_TARGET}. */
  public static final String ASYNC_DISPATCH = "/async-dispatch";
  /** Calls the downstream named by the dispatching request. */
  public static final String ASYNC_TARGET = "/async-target";
  /** Starts async and calls the downstream from a task given to {@code AsyncContext.start}. */
  public static final String ASYNC_START = "/async-start";

  public static final String DOWNSTREAM_PARAMETER = "downstream";
  /** With {@link #ROUTE}: make the downstream call from a thread pool the handler waits on. */
  public static final String POOL_PARAMETER = "pool";
  public static final String FILTERS_ATTRIBUTE = "test.filters";
  public static final long ASYNC_DELAY_MILLIS = 300;

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2, task -> {
    Thread thread = new Thread(task, "test-app-pool");
    thread.setDaemon(true);
    return thread;
  });
  private static volatile RuntimeException lastThrown;

  private ServletTestApp() {}

  /** The exception {@link #THROW} throws, remembered to check what reaches the error page. */
  public static RuntimeException failure() {
    RuntimeException failure = new IllegalStateException("thrown by " + THROW);
    lastThrown = failure;
    return failure;
  }

  /** What {@link #ERROR_PAGE} writes for the exception the container passed to it. */
  public static String errorPageBody(Object exception) {
    return exception != null && exception == lastThrown
        ? "error page: the thrown exception"
        : "error page: " + exception;
  }

  /** The body of a plain servlet: "ok", and the filters it ran behind. */
  public static String okBody(Object filters) {
    return filters == null ? "ok" : "ok after " + filters;
  }

  /**
   * A GET with the JDK's HttpClient, as an application's own outbound call: the agent
   * instruments it, so the traceparent that arrives downstream shows which context was current.
   *
   * @return the status, as text; nothing is called when {@code url} is null
   */
  public static String callDownstream(String url) throws IOException, InterruptedException {
    if (url == null) {
      return "no call";
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    return Integer.toString(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  /** {@link #callDownstream(String)}, on the calling thread or handed to a thread pool. */
  public static String callDownstream(String url, boolean fromPool)
      throws IOException, InterruptedException {
    if (!fromPool) {
      return callDownstream(url);
    }
    try {
      return POOL.submit(() -> callDownstream(url)).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  /** An action of the application's own, on a new thread (no context is carried there). */
  public interface Action {
    void run() throws Exception;
  }

  /** Runs the action on a new thread after the delay; a failure is printed, not lost silently. */
  public static void later(long delayMillis, Action action) {
    Thread thread = new Thread(() -> {
      try {
        Thread.sleep(delayMillis);
        action.run();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }, "test-app-later");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs a task given to {@code AsyncContext.start}, which takes only a {@code Runnable}. */
  public static Runnable task(Action action) {
    return () -> {
      try {
        action.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
