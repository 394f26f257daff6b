package dev.baton.instrumentation.javahttpclient;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Outbound HTTP through the JDK's {@code java.net.http.HttpClient} (Java 11+). */
public final class JavaHttpClientInstrumentationModule extends InstrumentationModule {

  public JavaHttpClientInstrumentationModule() {
    super("java-http-client");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new HttpClientImplInstrumentation());
  }
}
