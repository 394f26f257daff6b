package dev.baton.agent.export;

import dev.baton.bootstrap.InstrumentationSuppression;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends spans to Zipkin ({@code POST /api/v2/spans}, v2 JSON) with the JDK's HttpClient, so the
 * agent needs no HTTP library of its own for Zipkin.
 *
 * <p>Three things matter more than usual here. The request is sent under {@link
 * InstrumentationSuppression}: the agent instruments {@code java.net.http.HttpClient}, and its own
 * export traffic must never become spans (each export would create spans to export). Export never
 * blocks and never throws: the span processor's thread gets a {@link CompletableResultCode} that
 * the response completes. And a Zipkin that is down must not flood the service's log: failures are
 * counted, and logged at most once a minute.
 */
public final class ZipkinSpanExporter implements SpanExporter {

  static final String THREAD_NAME = "baton-zipkin-exporter";
  private static final Logger LOG = LoggerFactory.getLogger(ZipkinSpanExporter.class);
  private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int MAX_LOGGED_BODY = 200;

  private final URI endpoint;
  private final String endpointForLog;
  private final Duration timeout;
  // Made on the first export, not at agent start-up: building it loads the JDK's HttpClient
  // classes, which must load after the agent's transformer is installed to be instrumented.
  private volatile HttpClient client;
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final AtomicLong failedSpans = new AtomicLong();
  private final FailureLog failureLog = new FailureLog(LOG_INTERVAL_NANOS);
  /** Exports waiting for a response; shutdown lets them finish (each is bounded by timeout). */
  private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();

  private ZipkinSpanExporter(URI endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.endpointForLog = withoutUserInfo(endpoint);
    this.timeout = timeout;
  }

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current =
              HttpClient.newBuilder()
                  // Zipkin speaks HTTP/1.1; asking for h2c would cost an upgrade round trip per
                  // connection and buys nothing for one POST at a time.
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(timeout)
                  .executor(DaemonThreads.cachedPool(THREAD_NAME))
                  .build();
          client = current;
        }
      }
    }
    return current;
  }

  /**
   * An exporter posting to {@code endpoint} (for example {@code http://zipkin:9411/api/v2/spans});
   * {@code timeout} bounds the connect and the wait for the response of each export.
   */
  public static ZipkinSpanExporter create(URI endpoint, Duration timeout) {
    String scheme = endpoint.getScheme();
    if (!endpoint.isAbsolute()
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("Zipkin endpoint must be an http(s) URL: " + endpoint);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("Zipkin export timeout must be positive: " + timeout);
    }
    return new ZipkinSpanExporter(endpoint, timeout);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    if (count == 0) {
      return shutdown.get() ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
    }
    CompletableResultCode result = new CompletableResultCode();
    // Registered before the shutdown check: a shutdown racing with this export either makes the
    // check fail or finds this result among those it waits for.
    inFlight.add(result);
    result.whenComplete(() -> inFlight.remove(result));
    if (shutdown.get()) {
      fail(result, count, "the exporter is shut down");
      return result;
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(ZipkinJsonEncoder.encode(spans)))
              .build();
      CompletableFuture<HttpResponse<String>> response;
      try (Scope ignored =
          InstrumentationSuppression.suppress(Context.current()).makeCurrent()) {
        response = client().sendAsync(request, ZipkinSpanExporter::readBodyOnlyOnError);
      }
      response.whenComplete((r, error) -> complete(result, count, r, error));
    } catch (Throwable t) {
      // Whatever went wrong (an attribute the encoder did not expect, a client that refuses the
      // request), it must not reach the span processor's thread.
      fail(result, count, describe(t));
    }
    return result;
  }

  /** Zipkin answers 202 with an empty body; only an error body is worth reading (for the log). */
  private static HttpResponse.BodySubscriber<String> readBodyOnlyOnError(
      HttpResponse.ResponseInfo info) {
    return isSuccess(info.statusCode())
        ? HttpResponse.BodySubscribers.replacing(null)
        : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }

  private void complete(
      CompletableResultCode result, int count, HttpResponse<String> response, Throwable error) {
    try {
      if (error != null) {
        fail(result, count, describe(error));
      } else if (isSuccess(response.statusCode())) {
        result.succeed();
      } else {
        fail(result, count, "HTTP " + response.statusCode() + bodyForLog(response.body()));
      }
    } catch (Throwable t) {
      result.fail(); // never leave a result open: shutdown and the span processor wait on it
    }
  }

  private void fail(CompletableResultCode result, int count, String reason) {
    try {
      recordFailure(count, reason);
    } catch (RuntimeException e) {
      // A broken log binding must not turn a failed export into an exception in export().
    } finally {
      result.fail();
    }
  }

  private void recordFailure(int count, String reason) {
    failedSpans.addAndGet(count);
    long dropped = failureLog.onFailure(count, System.nanoTime());
    if (dropped == FailureLog.FIRST) {
      LOG.warn(
          "Zipkin export to {} failed ({}); dropped {} spans. Further failures are reported at"
              + " most once a minute.",
          endpointForLog,
          reason,
          count);
    } else if (dropped > 0) {
      LOG.warn(
          "Zipkin export to {} failed ({}); dropped {} spans since the last message.",
          endpointForLog,
          reason,
          dropped);
    }
  }

  /** Spans this exporter could not deliver, since it was created. */
  public long failedSpans() {
    return failedSpans.get();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess(); // nothing is buffered here
  }

  /**
   * Stops accepting exports. The result completes (successfully) once the requests already sent
   * have been answered or timed out, so the last batch is not cut off when the JVM exits.
   */
  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    CompletableResultCode done = new CompletableResultCode();
    CompletableResultCode.ofAll(new ArrayList<>(inFlight))
        .whenComplete(
            () -> {
              long unreported = failureLog.unreported();
              if (unreported > 0) {
                LOG.warn(
                    "Zipkin exporter shut down; {} more spans to {} were dropped since the last"
                        + " message.",
                    unreported,
                    endpointForLog);
              }
              done.succeed();
            });
    return done;
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private String describe(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException) {
      return "no response within " + timeout.toMillis() + " ms";
    }
    String message = cause.getMessage();
    return message == null || message.isEmpty()
        ? cause.getClass().getName()
        : cause.getClass().getName() + ": " + message;
  }

  private static String bodyForLog(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": "
        + (oneLine.length() > MAX_LOGGED_BODY
            ? oneLine.substring(0, MAX_LOGGED_BODY) + "..."
            : oneLine);
  }

  /** The endpoint as logged: user info in a URL is a credential, and logs travel far. */
  private static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /**
   * Decides which failures get a log line: the first one, then at most one per interval, each
   * carrying the number of spans dropped since the line before. Separate from the exporter so the
   * timing can be tested with a fake clock.
   */
  static final class FailureLog {
    /** Returned for the very first failure, which is always logged. */
    static final long FIRST = -1;

    private final long intervalNanos;
    private boolean loggedBefore;
    private long lastLogNanos;
    private long droppedSinceLastLog;

    FailureLog(long intervalNanos) {
      this.intervalNanos = intervalNanos;
    }

    /**
     * Records {@code spans} dropped at {@code nowNanos}. Returns {@link #FIRST} for the first
     * failure, the spans dropped since the last line if a line is due now, or 0 to stay quiet.
     */
    synchronized long onFailure(long spans, long nowNanos) {
      droppedSinceLastLog += spans;
      if (!loggedBefore) {
        loggedBefore = true;
        lastLogNanos = nowNanos;
        droppedSinceLastLog = 0;
        return FIRST;
      }
      if (nowNanos - lastLogNanos < intervalNanos) {
        return 0;
      }
      lastLogNanos = nowNanos;
      long dropped = droppedSinceLastLog;
      droppedSinceLastLog = 0;
      return dropped;
    }

    /** Spans dropped since the last line (reported at shutdown). */
    synchronized long unreported() {
      long dropped = droppedSinceLastLog;
      droppedSinceLastLog = 0;
      return dropped;
    }
  }
}
