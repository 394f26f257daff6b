package dev.baton.agent.tooling;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.SwitchPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off one instrumentation after {@code baton.instrumentation.error-limit} internal errors
 * (exceptions its advice threw, which the service never saw): a module that keeps failing costs
 * the service an exception per call and proves nothing, so it stops doing work, logged once, and
 * every other instrumentation goes on.
 *
 * <p>Each advice call site is linked through a {@link SwitchPoint} per module: while the module is
 * on, the JIT compiles the guard away; switching it off relinks every call site of the module at
 * once to a no-op that returns what a failed advice returns ({@code null}/zero), which Byte Buddy
 * already treats as "leave the call alone".
 */
public final class InstrumentationErrorLimit {

  private static final Logger logger = LoggerFactory.getLogger(InstrumentationErrorLimit.class);

  private final int limit;
  private final Map<String, Module> modules = new ConcurrentHashMap<>();

  InstrumentationErrorLimit(int limit) {
    this.limit = limit;
  }

  /** The advice, or a no-op once the module is switched off. */
  MethodHandle guard(String instrumentation, MethodHandle advice) {
    return module(instrumentation).switchPoint.guardWithTest(advice, MethodHandles.empty(advice.type()));
  }

  /** Counts an error of the instrumentation; switches it off when the count reaches the limit. */
  void onError(String instrumentation) {
    if (instrumentation == null) {
      return;
    }
    Module module = module(instrumentation);
    if (module.errors.incrementAndGet() == limit) {
      SwitchPoint.invalidateAll(new SwitchPoint[] {module.switchPoint});
      logger.warn(
          "instrumentation {} is switched off after {} internal errors (baton.instrumentation.error-limit); "
              + "the service is unaffected and the other instrumentations keep working",
          instrumentation, limit);
    }
  }

  boolean isSwitchedOff(String instrumentation) {
    return module(instrumentation).switchPoint.hasBeenInvalidated();
  }

  private Module module(String instrumentation) {
    return modules.computeIfAbsent(instrumentation, k -> new Module());
  }

  private static final class Module {
    final SwitchPoint switchPoint = new SwitchPoint();
    final AtomicInteger errors = new AtomicInteger();
  }
}
