package dev.baton.agent.tooling;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions shared between the classes a loader defines. Byte Buddy's default pool lives
 * for one class only, so a hierarchy matcher ({@code hasSuperType}) parsed {@code Object}'s and
 * every common super type's class file again for each class loaded: most of the agent's start-up
 * allocation. Here each class loader keeps a bounded cache (emptied when full, so a large
 * application cannot grow it without end), weakly keyed so that undeployed applications go.
 * Types that could not be found are not cached: they may become visible later.
 */
final class SharedTypePools extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  /**
   * Enough for the super types a library's classes share. Every class that a matcher had to
   * parse lands here too, so a larger bound mostly keeps classes that will never be asked for
   * again (1024 kept about 17 MB of heap in the bench service, 256 a fraction of it).
   */
  static final int MAX_TYPES_PER_LOADER = 256;

  private final Map<ClassLoader, TypePool.CacheProvider> caches =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final TypePool.CacheProvider bootstrap = new Bounded();

  /**
   * EXTENDED: a description answers its modifiers, super class and interfaces from the class
   * file's header, and parses fields and methods only when a matcher asks for them.
   */
  SharedTypePools() {
    super(TypePool.Default.ReaderMode.FAST, TypePool.Default.WithLazyResolution.LazinessMode.EXTENDED);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    return loader == null ? bootstrap : caches.computeIfAbsent(loader, ignored -> new Bounded());
  }

  /** Byte Buddy compares pool strategies when it builds matchers; there is one of these per agent. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  private static final class Bounded implements TypePool.CacheProvider {
    private final Map<String, TypePool.Resolution> types = new ConcurrentHashMap<>();

    @Override
    public TypePool.Resolution find(String name) {
      return types.get(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (!resolution.isResolved()) {
        return resolution;
      }
      if (types.size() >= MAX_TYPES_PER_LOADER) {
        types.clear();
      }
      TypePool.Resolution cached = types.putIfAbsent(name, resolution);
      return cached == null ? resolution : cached;
    }

    @Override
    public void clear() {
      types.clear();
    }
  }
}
