package dev.baton.instrumentation.logback.v1_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Logback: every log event written while a trace (or a forwarded request) is current carries
 * its ids in its MDC property map ({@code %X{trace_id}}, JSON encoders), without touching the
 * thread's MDC. OpenTelemetry's name for it is {@code logback-mdc}.
 */
public final class LogbackInstrumentationModule extends InstrumentationModule {

  public LogbackInstrumentationModule() {
    super("logback-mdc", "logback-1.0", "logback");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("ch.qos.logback.classic.spi.LoggingEvent", "ch.qos.logback.classic.Logger");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new LoggerInstrumentation(), new LoggingEventInstrumentation());
  }
}
