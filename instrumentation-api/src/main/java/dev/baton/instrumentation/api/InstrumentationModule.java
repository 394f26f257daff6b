package dev.baton.instrumentation.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * One library family that Baton instruments. Implementations are found with {@link
 * java.util.ServiceLoader} in the agent's class loader.
 *
 * <p>The advice and helper classes of a module must live in the module's package (or below it):
 * the agent loads that package afresh in an instrumentation class loader for every class loader
 * that holds the library, so the advice can use the library's types.
 */
public abstract class InstrumentationModule {

  private final String name;
  private final List<String> aliases;

  /**
   * @param name the name used in {@code otel.instrumentation.<name>.enabled}
   * @param aliases further names that switch this module (for example a versioned name)
   */
  protected InstrumentationModule(String name, String... aliases) {
    this.name = name;
    this.aliases = Collections.unmodifiableList(Arrays.asList(aliases));
  }

  public final String name() {
    return name;
  }

  public final List<String> aliases() {
    return aliases;
  }

  /** Whether the module is on when {@code otel.instrumentation.common.default-enabled} is true. */
  public boolean defaultEnabled() {
    return true;
  }

  /**
   * A cheap check, evaluated once per class loader, that the library is present and of a version
   * this module fits. {@code null} stands for the bootstrap loader.
   */
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ElementMatchers.any();
  }

  public abstract List<TypeInstrumentation> typeInstrumentations();

  /** The package whose classes are advice and helpers of this module. */
  public String advicePackage() {
    return getClass().getPackage().getName();
  }
}
