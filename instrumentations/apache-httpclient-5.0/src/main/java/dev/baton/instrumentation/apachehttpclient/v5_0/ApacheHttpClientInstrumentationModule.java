package dev.baton.instrumentation.apachehttpclient.v5_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Outbound HTTP through Apache HttpClient 5.x, classic and async. Same name as OpenTelemetry's,
 * so one switch turns off 4.x and 5.x.
 */
public final class ApacheHttpClientInstrumentationModule extends InstrumentationModule {

  public ApacheHttpClientInstrumentationModule() {
    super("apache-httpclient", "apache-httpclient-5.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "org.apache.hc.client5.http.classic.HttpClient",
        "org.apache.hc.core5.http.impl.io.HttpRequestExecutor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new HttpClientInstrumentation(),
        new HttpRequestExecutorInstrumentation(),
        new AsyncClientInstrumentation(),
        new AsyncExecScopeInstrumentation(),
        new AsyncMainClientExecInstrumentation());
  }
}
