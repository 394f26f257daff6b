package dev.baton.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The target of every {@code invokedynamic} instruction that Baton writes into instrumented
 * methods. Advice is not inlined: the instrumented method calls the advice method through a call
 * site that this class links once, on first use, to the advice class as loaded by an
 * instrumentation class loader that sees both the library and the agent.
 *
 * <p>It lives on the bootstrap class path so that every class, in any class loader or module, can
 * reach it. The linking itself is done by the agent through {@link AdviceLinker}.
 */
public final class IndyBootstrap {

  private static volatile AdviceLinker linker;

  private IndyBootstrap() {}

  /** Called once by the agent at start-up, before any class is transformed. */
  public static void install(AdviceLinker adviceLinker) {
    linker = adviceLinker;
  }

  /**
   * Byte Buddy's default bootstrap arguments for delegated advice: the advice class name, 0 for
   * enter or 1 for exit advice, the instrumented type, the instrumented method's name and (except
   * for type initializers) a handle to it.
   */
  public static CallSite bootstrap(
      MethodHandles.Lookup lookup, String adviceMethodName, MethodType type, Object... args) {
    MethodHandle target = null;
    AdviceLinker current = linker;
    if (current != null && args.length > 0 && args[0] instanceof String) {
      try {
        target =
            current.link(lookup.lookupClass().getClassLoader(), (String) args[0], adviceMethodName, type);
      } catch (Throwable t) {
        AdviceErrors.record(t);
      }
    }
    if (target == null) {
      // Linking failed: the call site stays linked to a no-op, so the instrumented method runs
      // exactly as it would without the agent and the failure is not retried on every call.
      target = MethodHandles.empty(type);
    }
    return new ConstantCallSite(target.asType(type));
  }
}
