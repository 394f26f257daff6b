package dev.baton.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Outbound HTTP through the JDK's {@code java.net.HttpURLConnection} (plain and HTTPS), which is
 * what {@code URL.openConnection()} returns for http and https URLs.
 */
public final class HttpUrlConnectionInstrumentationModule extends InstrumentationModule {

  public HttpUrlConnectionInstrumentationModule() {
    super("http-url-connection");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // The JDK's implementation lives in java.base; nothing else needs to be looked at.
    return isBootstrapClassLoader();
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new HttpUrlConnectionInstrumentation());
  }
}
