package dev.baton.agent.tooling;

import dev.baton.bootstrap.AdviceLinker;
import dev.baton.instrumentation.api.InstrumentationModule;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import java.lang.ref.WeakReference;
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
  private final InstrumentationErrorLimit errorLimit;
  private final Map<String, InstrumentationModule> moduleByAdvice = new ConcurrentHashMap<>();
  // An instrumentation loader references its library loader (and the classes it resolved
  // through it), so it is held weakly here: the linked call sites in the instrumented classes keep
  // it alive exactly as long as the library's classes live, and an undeployed web application
  // can be collected with everything Baton made for it.
  private final Map<ClassLoader, Map<String, WeakReference<InstrumentationClassLoader>>> loaders =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, InstrumentationClassLoader> bootstrapLoaders = new HashMap<>();

  IndyAdviceLinker(ClassLoader agentLoader, InstrumentationErrorLimit errorLimit) {
    this.agentLoader = agentLoader;
    this.errorLimit = errorLimit;
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
    MethodHandle handle = MethodHandles.publicLookup().findStatic(advice, methodName, type);
    // An exit advice that ends what its enter advice started keeps running when the module is
    // switched off, so a span or scope opened just before is still closed; with the enter advice
    // off it receives null and does nothing.
    return endsWhatEnterStarted(advice, methodName) ? handle : errorLimit.guard(module.name(), handle);
  }

  private static boolean endsWhatEnterStarted(Class<?> advice, String methodName) {
    boolean exit = false;
    boolean hasEnter = false;
    for (Method method : advice.getDeclaredMethods()) {
      hasEnter |= method.isAnnotationPresent(Advice.OnMethodEnter.class);
      exit |= method.getName().equals(methodName) && method.isAnnotationPresent(Advice.OnMethodExit.class);
    }
    return exit && hasEnter;
  }

  private InstrumentationClassLoader loaderFor(ClassLoader library, InstrumentationModule module) {
    synchronized (loaders) {
      if (library == null) {
        return bootstrapLoaders.computeIfAbsent(
            module.advicePackage(), k -> new InstrumentationClassLoader(agentLoader, null, module.advicePackage()));
      }
      Map<String, WeakReference<InstrumentationClassLoader>> perModule =
          loaders.computeIfAbsent(library, k -> new HashMap<>());
      // Keyed by package, not name: modules for two versions of a library share a name.
      WeakReference<InstrumentationClassLoader> reference = perModule.get(module.advicePackage());
      InstrumentationClassLoader loader = reference == null ? null : reference.get();
      if (loader == null) {
        loader = new InstrumentationClassLoader(agentLoader, library, module.advicePackage());
        perModule.put(module.advicePackage(), new WeakReference<>(loader));
      }
      return loader;
    }
  }
}
