package dev.baton.instrumentation.httpurlconnection;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.HttpURLConnection;

/**
 * What the HttpURLConnection advice does; the advice itself only forwards here.
 *
 * <p>One request is spread over several calls the application makes in an order of its choosing
 * ({@code connect}, {@code getOutputStream}, {@code getInputStream} or what calls it). The first
 * of them starts the CLIENT span and injects the context; the span ends when the response
 * status is known ({@code getInputStream} returns or throws) or when a call fails.
 */
public final class HttpUrlConnectionTracing {

  private static final HttpClientTracer<UrlConnectionRequest, Integer> TRACER =
      new HttpClientTracer<>("baton.http-url-connection", UrlConnectionAttributesGetter.INSTANCE);

  // The agent adds no fields to JDK classes (class formats stay unchanged so that loaded classes
  // can be retransformed when it attaches late); a weak identity map lets a connection the
  // application drops be collected with its state.
  private static final WeakIdentityMap<HttpURLConnection, ConnectionState> STATES =
      new WeakIdentityMap<>();

  private HttpUrlConnectionTracing() {}

  /**
   * @param connected whether the connection was connected before this call
   * @param calledMethod {@code connect}, {@code getOutputStream} or {@code getInputStream}
   * @return the call in progress, or {@code null} if this call is not one to trace
   */
  public static Object enter(HttpURLConnection connection, boolean connected, String calledMethod) {
    ConnectionState state = STATES.get(connection);
    if (state == null) {
      state = firstCall(connection, connected);
      STATES.put(connection, state);
    }
    if (!state.enterCall()) {
      return null;
    }
    return new ConnectionCall(state, connection, calledMethod, state.context().makeCurrent());
  }

  public static void exit(Object call, int responseCode, Throwable error) {
    if (call instanceof ConnectionCall) {
      ((ConnectionCall) call).exit(responseCode, error);
    }
  }

  private static ConnectionState firstCall(HttpURLConnection connection, boolean connected) {
    Context parent = Context.current();
    if (connected || InstrumentationSuppression.isSuppressed(parent)) {
      // Connected before the agent saw it (attached late), or the agent's own traffic.
      return ConnectionState.UNTRACED;
    }
    if (!TRACER.shouldStart(parent)) {
      // Inside another instrumented client's call: that call owns the span, and the server this
      // connection reaches still learns the trace.
      TRACER.inject(parent, connection, RequestPropertySetter.INSTANCE);
      return ConnectionState.UNTRACED;
    }
    String method = connection.getRequestMethod();
    Context context = TRACER.start(parent, new UrlConnectionRequest(method, connection.getURL()));
    TRACER.inject(context, connection, RequestPropertySetter.INSTANCE);
    return new ConnectionState(context, method);
  }

  private static void end(ConnectionState state, int responseCode, Throwable error) {
    if (!state.markEnded()) {
      return;
    }
    Integer status = responseCode > 0 ? responseCode : null;
    // For 4xx and 5xx the JDK throws where other clients return the response; the status alone
    // says what happened, as it does for those clients.
    TRACER.end(state.context(), status, status != null && status >= 400 ? null : error);
  }

  /** One outermost call on a traced connection, from the advice's enter to its exit. */
  private static final class ConnectionCall {
    private final ConnectionState state;
    private final HttpURLConnection connection;
    private final String calledMethod;
    private final Scope scope;

    ConnectionCall(
        ConnectionState state, HttpURLConnection connection, String calledMethod, Scope scope) {
      this.state = state;
      this.connection = connection;
      this.calledMethod = calledMethod;
      this.scope = scope;
    }

    void exit(int responseCode, Throwable error) {
      scope.close();
      state.leaveCall();
      if ("getOutputStream".equals(calledMethod)) {
        // Opening the body turns a GET into a POST: the span names what is sent.
        String method = connection.getRequestMethod();
        if (!method.equals(state.method())) {
          state.method(method);
          TRACER.updateMethod(state.context(), method);
        }
      }
      if (error != null || "getInputStream".equals(calledMethod)) {
        end(state, responseCode, error);
      }
    }
  }
}
