package dev.baton.agent.tooling;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the transformer did: each failed transformation once per class (the class then runs
 * unchanged), and under {@code baton.debug} every class it changed.
 */
final class TransformListener extends AgentBuilder.Listener.Adapter {

  private static final Logger logger = LoggerFactory.getLogger(TransformListener.class);

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    if (logger.isDebugEnabled()) {
      logger.debug("instrumented {} (loader {})", type.getName(), classLoader);
    }
  }

  @Override
  public void onError(
      String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
    if (error instanceof TypePool.Resolution.NoSuchTypeException) {
      // A hierarchy matcher met a class whose super type is not on the class path: such a class
      // cannot be one of the library types we look for, and the application never loads it fully.
      if (logger.isDebugEnabled()) {
        logger.debug("not matched {}: {}", typeName, error.toString());
      }
      return;
    }
    if (reported.add(typeName)) {
      logger.warn("could not instrument {}; it runs unchanged: {}", typeName, error.toString());
      if (logger.isDebugEnabled()) {
        logger.debug("transformation failure", error);
      }
    }
  }
}
