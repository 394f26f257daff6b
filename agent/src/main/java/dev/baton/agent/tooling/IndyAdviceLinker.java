package dev.baton.agent.tooling;

import dev.baton.bootstrap.AdviceLinker;
import dev.baton.instrumentation.api.InstrumentationModule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links an instrumented call site to its advice method: finds the module that owns the advice,
 * the instrumentation class loader for that module and the instrumented class's loader (one per
 * pair, made on first use), and the advice method in it. Runs once per call site.
 */
final class IndyAdviceLinker implements AdviceLinker {

  private final ClassLoader agentLoader;
  private final Map<String, InstrumentationModule> moduleByAdvice = new ConcurrentHashMap<>();
  // Weak keys: a web application that is undeployed should not be kept by the agent.
  private final Map<ClassLoader, Map<String, InstrumentationClassLoader>> loaders =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, InstrumentationClassLoader> bootstrapLoaders = new HashMap<>();

  IndyAdviceLinker(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  void register(String adviceClassName, InstrumentationModule module) {
    moduleByAdvice.put(adviceClassName, module);
  }

  @Override
  public MethodHandle link(
      ClassLoader instrumentedLoader, String adviceClassName, String methodName, MethodType type)
      throws Exception {
    InstrumentationModule module = moduleByAdvice.get(adviceClassName);
    if (module == null) {
      throw new IllegalStateException("no instrumentation module owns " + adviceClassName);
    }
    Class<?> advice = loaderFor(instrumentedLoader, module).loadClass(adviceClassName);
    return MethodHandles.publicLookup().findStatic(advice, methodName, type);
  }

  private InstrumentationClassLoader loaderFor(ClassLoader library, InstrumentationModule module) {
    synchronized (loaders) {
      Map<String, InstrumentationClassLoader> perModule =
          library == null ? bootstrapLoaders : loaders.computeIfAbsent(library, k -> new HashMap<>());
      return perModule.computeIfAbsent(
          module.name(), k -> new InstrumentationClassLoader(agentLoader, library, module.advicePackage()));
    }
  }
}
