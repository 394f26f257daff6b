package dev.baton.instrumentation.opentelemetryapi;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's own OpenTelemetry API (unrelocated {@code io.opentelemetry.api}/{@code
 * .context}) bridged onto the agent's: its context lives in the agent's context, and
 * {@code GlobalOpenTelemetry} hands out tracers that create the agent's spans.
 *
 * <p>Class names below are written {@code application.io.opentelemetry...}: packaging the agent
 * renames them to the application's {@code io.opentelemetry...} (see agent/pom.xml), while a
 * literal {@code io.opentelemetry...} would be relocated to the agent's own copy.
 */
public final class OpenTelemetryApiInstrumentationModule extends InstrumentationModule {

  public OpenTelemetryApiInstrumentationModule() {
    super("opentelemetry-api", "opentelemetry-api-1.0");
  }

  /** TracerBuilder (API 1.4+) is the newest interface the bridge implements. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "application.io.opentelemetry.context.ContextStorage",
        "application.io.opentelemetry.api.trace.TracerBuilder");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ContextStorageInstrumentation(), new GlobalOpenTelemetryInstrumentation());
  }
}
