package dev.baton.agent.tooling;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Describes a class being loaded without parsing it: the description reads the class file only
 * when a matcher asks for more than the name. Byte Buddy's {@code POOL_FIRST} asks whether the
 * description resolves, which parses every class the JVM loads, though nearly all are turned
 * away by their name; that was most of the agent's start-up allocation. A class being
 * retransformed is described as {@code POOL_FIRST} does: from its class file, or from the
 * loaded class if its file cannot be found.
 */
enum LazyDescriptions implements AgentBuilder.DescriptionStrategy {
  INSTANCE;

  @Override
  public boolean isLoadedFirst() {
    return false;
  }

  @Override
  public TypeDescription apply(String name, Class<?> type, TypePool typePool,
      AgentBuilder.CircularityLock circularityLock, ClassLoader classLoader, JavaModule module) {
    if (type == null) {
      return typePool.describe(name).resolve();
    }
    return AgentBuilder.DescriptionStrategy.Default.POOL_FIRST.apply(
        name, type, typePool, circularityLock, classLoader, module);
  }
}
