package dev.baton.instrumentation.api;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/** Class loader checks that look for class files without loading anything. */
public final class ClassLoaderMatchers {

  private ClassLoaderMatchers() {}

  /** True where every named class is visible from the loader; cached per loader. */
  public static ElementMatcher.Junction<ClassLoader> hasClassesNamed(String... classNames) {
    return new HasClassesNamed(classNames);
  }

  private static final class HasClassesNamed extends ElementMatcher.Junction.AbstractBase<ClassLoader> {
    private final String[] resources;
    // Weak keys so that undeployed web applications can be collected; only class loading reads it.
    private final Map<ClassLoader, Boolean> cache = Collections.synchronizedMap(new WeakHashMap<>());

    HasClassesNamed(String[] classNames) {
      resources = new String[classNames.length];
      for (int i = 0; i < classNames.length; i++) {
        resources[i] = classNames[i].replace('.', '/') + ".class";
      }
    }

    @Override
    public boolean matches(ClassLoader loader) {
      ClassLoader key = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
      Boolean cached = cache.get(key);
      if (cached == null) {
        cached = compute(key);
        cache.put(key, cached);
      }
      return cached;
    }

    private boolean compute(ClassLoader loader) {
      for (String resource : resources) {
        if (loader.getResource(resource) == null) {
          return false;
        }
      }
      return true;
    }
  }
}
