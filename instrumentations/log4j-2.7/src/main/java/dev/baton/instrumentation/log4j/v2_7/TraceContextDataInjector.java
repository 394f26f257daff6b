package dev.baton.instrumentation.log4j.v2_7;

import dev.baton.instrumentation.api.logging.LogCorrelation;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Log4j's own injector, plus the trace entries of the context current on the logging thread.
 * The entries go into a copy: the map Log4j's injector returns may be the ThreadContext's own
 * (copy-on-write) map, which must never carry one request's ids into another.
 */
public final class TraceContextDataInjector implements ContextDataInjector {

  private static final LogCorrelation CORRELATION = LogCorrelation.fromConfig();

  private final ContextDataInjector delegate;

  private TraceContextDataInjector(ContextDataInjector delegate) {
    this.delegate = delegate;
  }

  public static ContextDataInjector wrap(ContextDataInjector injector) {
    if (injector == null || injector instanceof TraceContextDataInjector) {
      return injector;
    }
    return new TraceContextDataInjector(injector);
  }

  @Override
  public StringMap injectContextData(List<Property> properties, StringMap reusable) {
    StringMap own = delegate.injectContextData(properties, reusable);
    Map<String, String> entries = CORRELATION.entries(Context.current());
    if (entries == null || (own != null && own.containsKey(CORRELATION.traceIdKey()))) {
      return own;
    }
    StringMap withTrace = own == null ? new SortedArrayStringMap() : new SortedArrayStringMap(own);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!withTrace.containsKey(entry.getKey())) {
        withTrace.putValue(entry.getKey(), entry.getValue());
      }
    }
    return withTrace;
  }

  @Override
  public ReadOnlyStringMap rawContextData() {
    return delegate.rawContextData();
  }
}
