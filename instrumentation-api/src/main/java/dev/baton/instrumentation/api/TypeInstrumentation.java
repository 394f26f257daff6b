package dev.baton.instrumentation.api;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The classes of one kind that a module changes, and how. */
public interface TypeInstrumentation {

  /** Name matchers first: hierarchy matchers are much more expensive. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Names the advice class to apply to each group of methods. */
  void transform(TypeTransformer transformer);

  /**
   * Names of JDK classes this instrumentation changes that may already be loaded when the agent
   * starts (by the JVM itself, or by the agent's own SDK): they are retransformed at start-up.
   * Nothing else is scanned.
   */
  default List<String> earlyLoadedTypes() {
    return List.of();
  }
}
