package dev.baton.instrumentation.servlet.v5_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** Inbound HTTP on any jakarta.servlet 5+ container (Tomcat 10+, Jetty 11+, Undertow 2.2+). */
public final class ServletInstrumentationModule extends InstrumentationModule {

  public ServletInstrumentationModule() {
    // "servlet" also names the javax module: otel.instrumentation.servlet.enabled switches both.
    super("servlet", "servlet-5.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // HttpServletMapping (Servlet 4+) is used for http.route.
    return hasClassesNamed("jakarta.servlet.Servlet", "jakarta.servlet.http.HttpServletMapping");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ServletAndFilterInstrumentation(), new AsyncContextInstrumentation());
  }
}
