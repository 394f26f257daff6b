package dev.baton.instrumentation.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Applies advice to the methods of a matched type.
 *
 * <p>Advice methods must be {@code static}, use {@code inline = false} and
 * {@code suppress = Throwable.class}, and mention only JDK types, the library's types and
 * {@code Object} in their signatures: the instrumented class must be able to resolve them.
 */
public interface TypeTransformer {

  /**
   * @param methods which methods of the type receive the advice
   * @param adviceClassName the advice class, by name: the agent must not load it itself
   */
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
