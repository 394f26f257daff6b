package dev.baton.bootstrap;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.Locale;
import java.util.Map;

/**
 * The mesh headers forwarded verbatim for the request a context belongs to (lower-case names).
 * On the bootstrap path because code outside the agent's class loader reads them too: the
 * {@code java.util.logging} formatter, loaded by the JDK's LogManager.
 */
public final class ForwardedHeaders {

  private static final ContextKey<Map<String, String>> HEADERS =
      ContextKey.named("baton-verbatim-headers");

  private ForwardedHeaders() {}

  /** All forwarded headers of this context, or {@code null}. */
  public static Map<String, String> all(Context context) {
    return context.get(HEADERS);
  }

  /** The forwarded value of a header in this context, or {@code null}. */
  public static String get(Context context, String name) {
    Map<String, String> headers = context.get(HEADERS);
    return headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** @param headers an unmodifiable map with lower-case names */
  public static Context with(Context context, Map<String, String> headers) {
    return context.with(HEADERS, headers);
  }
}
