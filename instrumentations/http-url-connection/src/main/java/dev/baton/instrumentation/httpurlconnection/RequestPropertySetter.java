package dev.baton.instrumentation.httpurlconnection;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.HttpURLConnection;

/**
 * Writes propagation headers as request properties, replacing any the application set itself.
 *
 * <p>The JDK offers no other way onto the wire: the headers it writes are the very list that
 * {@code getRequestProperty} reads, and that list is closed to changes once the connection is
 * connecting. So they are set at the last moment the JDK allows, as the application's first
 * call that sends anything begins.
 */
enum RequestPropertySetter implements TextMapSetter<HttpURLConnection> {
  INSTANCE;

  @Override
  public void set(HttpURLConnection connection, String key, String value) {
    if (connection == null) {
      return;
    }
    try {
      connection.setRequestProperty(key, value);
    } catch (IllegalStateException alreadyConnecting) {
      // Only for a connection that started before the agent could see it: nothing to add to.
    }
  }
}
