package dev.baton.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/** Implemented by the agent: finds the advice method that an instrumented call site runs. */
public interface AdviceLinker {

  /**
   * @param instrumentedLoader the class loader of the instrumented class ({@code null} for the
   *     bootstrap loader)
   * @param adviceClassName binary name of the advice class
   * @param methodName the advice method
   * @param type the call site's type, which the returned handle must accept
   * @return a handle to the advice method, or {@code null} if the advice cannot run here
   */
  MethodHandle link(
      ClassLoader instrumentedLoader, String adviceClassName, String methodName, MethodType type)
      throws Exception;
}
