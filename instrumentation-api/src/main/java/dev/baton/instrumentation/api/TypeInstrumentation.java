package dev.baton.instrumentation.api;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The classes of one kind that a module changes, and how. */
public interface TypeInstrumentation {

  /** Name matchers first: hierarchy matchers are much more expensive. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Names the advice class to apply to each group of methods. */
  void transform(TypeTransformer transformer);
}
