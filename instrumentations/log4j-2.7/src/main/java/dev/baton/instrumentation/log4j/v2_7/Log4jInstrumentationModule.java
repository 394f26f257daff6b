package dev.baton.instrumentation.log4j.v2_7;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Log4j2 2.7+: every log event created while a trace (or a forwarded request) is current carries
 * its ids in its context data ({@code %X{trace_id}}, JSON layouts), without touching the
 * thread's ThreadContext. OpenTelemetry's name for it is {@code log4j-context-data}.
 */
public final class Log4jInstrumentationModule extends InstrumentationModule {

  public Log4jInstrumentationModule() {
    super("log4j-context-data", "log4j-2.7", "log4j");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "org.apache.logging.log4j.core.impl.ContextDataInjectorFactory",
        "org.apache.logging.log4j.util.StringMap");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ContextDataInjectorFactoryInstrumentation());
  }
}
