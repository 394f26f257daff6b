package dev.baton.agent.tooling;

import dev.baton.bootstrap.AdviceErrors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an exception that advice threw (and that the service never saw): once for each place it
 * came from, so a broken instrumentation cannot flood the log from the hot path.
 */
public final class AdviceErrorReporter implements AdviceErrors.Reporter {

  private static final Logger logger = LoggerFactory.getLogger(AdviceErrorReporter.class);
  private static final int MAX_DISTINCT = 100;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final InstrumentationErrorLimit errorLimit;

  public AdviceErrorReporter(int errorLimit) {
    this.errorLimit = new InstrumentationErrorLimit(errorLimit);
  }

  /** Where the installer links advice through, so the limit can switch a module's advice off. */
  public InstrumentationErrorLimit errorLimit() {
    return errorLimit;
  }

  @Override
  public void report(Throwable error, String instrumentation) {
    errorLimit.onError(instrumentation);
    StackTraceElement[] stack = error.getStackTrace();
    String origin = error.getClass().getName() + (stack.length > 0 ? "@" + stack[0] : "");
    if (seen.size() < MAX_DISTINCT && seen.add(origin)) {
      logger.warn("instrumentation {} error, suppressed; the service is unaffected: {}",
          instrumentation != null ? instrumentation : "", error.toString());
      if (logger.isDebugEnabled()) {
        logger.debug("instrumentation error", error);
      }
    }
  }
}
