package dev.baton.instrumentation.okhttp.v3_0;

import static dev.baton.instrumentation.api.ClassLoaderMatchers.hasClassesNamed;

import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Outbound HTTP through OkHttp 3.x and 4.x: one CLIENT span per {@code Call.execute()} or
 * {@code Call.enqueue(Callback)}, the context written into the headers of every request the call
 * puts on the wire (redirects, retries and authentication follow-ups included).
 *
 * <p>OkHttp 4 rewrote the library in Kotlin and moved {@code okhttp3.RealCall} to
 * {@code okhttp3.internal.connection.RealCall}; each layout has its own type instrumentations,
 * matched by exact name, so only the one that fits the loaded version applies. Exact names also
 * keep the agent's own, relocated OkHttp ({@code dev.baton.shaded.okhttp3}) out.
 */
public final class OkHttpInstrumentationModule extends InstrumentationModule {

  public OkHttpInstrumentationModule() {
    super("okhttp", "okhttp-3.0");
  }

  /** {@code okhttp3.internal.Util} exists from 3.0 to 4.x and is gone in 5.x, which stays out. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("okhttp3.Call", "okhttp3.internal.Util");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        // 3.x
        new RealCallInstrumentation("okhttp3.RealCall"),
        new AsyncCallInstrumentation("okhttp3.RealCall$AsyncCall", "execute"),
        // 4.x
        new RealCallInstrumentation("okhttp3.internal.connection.RealCall"),
        new AsyncCallInstrumentation("okhttp3.internal.connection.RealCall$AsyncCall", "run"),
        // both: the codecs that write each request's headers
        new ExchangeCodecInstrumentation());
  }
}
