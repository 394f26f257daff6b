package dev.baton.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Database calls through {@code java.sql}, whatever the driver, pool or wrapper: statements
 * become CLIENT spans, and optionally carry the trace to the database as a SQL comment.
 */
public final class JdbcInstrumentationModule extends InstrumentationModule {

  public JdbcInstrumentationModule() {
    super("jdbc");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // java.sql lives in the platform loader: nothing on the bootstrap path implements it.
    return not(isBootstrapClassLoader());
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ConnectionInstrumentation(), new StatementInstrumentation());
  }
}
