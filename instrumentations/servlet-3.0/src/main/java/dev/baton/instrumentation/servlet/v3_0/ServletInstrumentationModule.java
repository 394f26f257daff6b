package dev.baton.instrumentation.servlet.v3_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** Inbound HTTP on any javax.servlet 3.0-4.0 container (Tomcat 7-9, Jetty 8-10, Undertow 1.x-2.x). */
public final class ServletInstrumentationModule extends InstrumentationModule {

  public ServletInstrumentationModule() {
    // "servlet" also names the jakarta module: otel.instrumentation.servlet.enabled switches both.
    super("servlet", "servlet-3.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // AsyncContext is new in Servlet 3.0; Servlet 4's HttpServletMapping is used where present.
    return hasClassesNamed("javax.servlet.Servlet", "javax.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ServletAndFilterInstrumentation(), new AsyncContextInstrumentation());
  }
}
