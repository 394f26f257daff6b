package dev.baton.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Makes a red smoke test debuggable from the build output alone: when a test fails, prints the log
 * tail of every service started during it and the spans each backend did receive, grouped by trace
 * as a tree ({@link SpanTree}).
 *
 * <p>Register it once per test class; name the class's backends with {@link #spansFrom}. Services
 * announce themselves with {@link #watchLog} when they start (the smoke tests' process launcher
 * does), and a test can add a backend of its own for its duration with {@link #watchSpans}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FailureDiagnostics diagnostics = new FailureDiagnostics().spansFrom("OTLP receiver", () -> receiver.spans());
 * }</pre>
 *
 * <p>What is watched belongs to the test that is running: the list starts empty before each test.
 * Smoke tests run one at a time in their JVM, which is what makes the static list sound.
 */
public final class FailureDiagnostics implements BeforeEachCallback, TestWatcher {

  private static final Map<String, Supplier<String>> LOGS = new LinkedHashMap<>();
  private static final Map<String, Callable<List<ReceivedSpan>>> TEST_BACKENDS = new LinkedHashMap<>();

  private final Map<String, Callable<List<ReceivedSpan>>> backends = new LinkedHashMap<>();

  /** A backend whose spans every failing test of the class reports. */
  public FailureDiagnostics spansFrom(String backend, Callable<List<ReceivedSpan>> spans) {
    backends.put(backend, spans);
    return this;
  }

  /** A service started by the running test: its log tail is printed if the test fails. */
  public static synchronized void watchLog(String service, Supplier<String> logTail) {
    LOGS.put(service, logTail);
  }

  /** A backend only the running test uses (the Zipkin trace it queries, for one). */
  public static synchronized void watchSpans(String backend, Callable<List<ReceivedSpan>> spans) {
    TEST_BACKENDS.put(backend, spans);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (FailureDiagnostics.class) {
      LOGS.clear();
      TEST_BACKENDS.clear();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.out.println(report(context.getDisplayName() + " in " + context.getRequiredTestClass().getSimpleName()));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    // nothing ran
  }

  /** The report {@link #testFailed} prints; public so that a test can print it on its own terms. */
  public String report(String test) {
    StringBuilder out = new StringBuilder("\n===== FAILED: ").append(test).append(" =====\n");
    Map<String, Supplier<String>> logs;
    Map<String, Callable<List<ReceivedSpan>>> sources = new LinkedHashMap<>(backends);
    synchronized (FailureDiagnostics.class) {
      logs = new LinkedHashMap<>(LOGS);
      sources.putAll(TEST_BACKENDS);
    }
    if (logs.isEmpty()) {
      out.append("(no service was started by this test)\n");
    }
    logs.forEach((service, tail) -> {
      out.append("----- log tail of ").append(service).append('\n');
      try {
        out.append(tail.get());
      } catch (RuntimeException e) {
        out.append("(cannot read: ").append(e).append(")\n");
      }
    });
    sources.forEach((backend, spans) -> {
      out.append("----- spans received by ").append(backend).append('\n');
      try {
        out.append(SpanTree.render(spans.call()));
      } catch (Exception e) {
        out.append("(cannot read: ").append(e).append(")\n");
      }
    });
    return out.append("===== end of ").append(test).append(" =====\n").toString();
  }
}
