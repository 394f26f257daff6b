package dev.baton.agent.tooling;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads one module's advice and helper classes for one library class loader, so that they can
 * use both the library's types and the agent's. Classes of the module's package are defined here
 * from the agent jar; other {@code dev.baton} classes (the instrumentation API, the relocated SDK)
 * come from the agent class loader; everything else from the library's class loader.
 *
 * <p>Advice is reached through {@code invokedynamic} rather than inlined or injected into the
 * library's class loader: nothing is added to the application's class loaders, and advice can be
 * ordinary, debuggable code (see docs/architecture.md).
 */
final class InstrumentationClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agentLoader;
  private final ClassLoader libraryLoader;
  private final String ownPackagePrefix;

  InstrumentationClassLoader(ClassLoader agentLoader, ClassLoader libraryLoader, String advicePackage) {
    super("baton-instrumentation", null);
    this.agentLoader = agentLoader;
    this.libraryLoader = libraryLoader != null ? libraryLoader : ClassLoader.getPlatformClassLoader();
    this.ownPackagePrefix = advicePackage + '.';
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        if (name.startsWith(ownPackagePrefix)) {
          type = defineFromAgent(name);
        } else if (name.startsWith("dev.baton.")) {
          type = agentLoader.loadClass(name);
        } else {
          type = Class.forName(name, false, libraryLoader);
        }
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  private Class<?> defineFromAgent(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = agentLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length, InstrumentationClassLoader.class.getProtectionDomain());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  @Override
  public String toString() {
    return "baton-instrumentation[" + ownPackagePrefix + " for " + libraryLoader + "]";
  }
}
