package dev.baton.instrumentation.api.http;

import java.util.Set;

/** Normalizes request methods the way the HTTP conventions ask: unknown ones become _OTHER. */
public final class HttpMethods {

  public static final String OTHER = "_OTHER";

  private static final Set<String> KNOWN =
      Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

  private HttpMethods() {}

  public static boolean isKnown(String method) {
    return method != null && KNOWN.contains(method);
  }

  /** The method as it goes into span names and {@code http.request.method}. */
  public static String normalize(String method) {
    return isKnown(method) ? method : OTHER;
  }

  /** {@code GET /users/{id}}, or the method alone when nothing better than the method is known. */
  public static String spanName(String method, String target) {
    String normalized = normalize(method);
    String name = OTHER.equals(normalized) ? "HTTP" : normalized;
    return target == null || target.isEmpty() ? name : name + ' ' + target;
  }
}
