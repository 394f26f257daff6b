package dev.baton.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's {@code sun.net.www.protocol.http.HttpURLConnection}: its public {@code connect},
 * {@code getOutputStream} and {@code getInputStream} are where a request starts; every other
 * method that needs the response ({@code getResponseCode}, {@code getHeaderField}, ...) goes
 * through {@code getInputStream}.
 *
 * <p>HTTPS: {@code HttpsURLConnectionImpl} only delegates to a subclass of that class, whose one
 * override among these methods is {@code AbstractDelegateHttpsURLConnection.connect}; that is
 * instrumented too. The delegating class itself is not: its calls arrive here.
 */
public final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("sun.net.www.protocol.http.HttpURLConnection")
        .or(named("sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        isPublic()
            .and(namedOneOf("connect", "getOutputStream", "getInputStream"))
            .and(takesArguments(0)),
        HttpUrlConnectionInstrumentation.class.getName() + "$ConnectionCallAdvice");
  }

  public static final class ConnectionCallAdvice {

    private ConnectionCallAdvice() {}

    /**
     * @param connected read before the JDK touches anything: a connection that is already
     *     connected when first seen began before the agent was attached
     */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(
        @Advice.This HttpURLConnection connection,
        @Advice.FieldValue("connected") boolean connected,
        @Advice.Origin("#m") String calledMethod) {
      return HttpUrlConnectionTracing.enter(connection, connected, calledMethod);
    }

    /**
     * @param responseCode the status the JDK recorded, -1 if none: read from the field, because
     *     calling {@code getResponseCode()} here could itself send the request
     */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Enter Object call,
        @Advice.FieldValue("responseCode") int responseCode,
        @Advice.Thrown Throwable error) {
      HttpUrlConnectionTracing.exit(call, responseCode, error);
    }
  }
}
