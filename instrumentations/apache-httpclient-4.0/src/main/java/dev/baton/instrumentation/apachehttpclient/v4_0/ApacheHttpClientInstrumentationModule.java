package dev.baton.instrumentation.apachehttpclient.v4_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Outbound HTTP through Apache HttpClient 4.x: the classic client (4.0+) and the async client
 * (httpasyncclient 4.1+). Same name as OpenTelemetry's, so one switch turns off 4.x and 5.x.
 */
public final class ApacheHttpClientInstrumentationModule extends InstrumentationModule {

  public ApacheHttpClientInstrumentationModule() {
    super("apache-httpclient", "apache-httpclient-4.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.apache.http.client.HttpClient", "org.apache.http.protocol.HttpRequestExecutor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new HttpClientInstrumentation(),
        new HttpRequestExecutorInstrumentation(),
        new HttpAsyncClientInstrumentation(),
        new AsyncExchangeHandlerInstrumentation());
  }
}
