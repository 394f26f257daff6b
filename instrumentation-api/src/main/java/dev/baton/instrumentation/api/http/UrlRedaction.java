package dev.baton.instrumentation.api.http;

import java.util.Set;

/**
 * Removes credentials from URLs before they become span attributes: the user-info part and the
 * values of query parameters that are known to carry signatures or keys.
 */
public final class UrlRedaction {

  static final String REDACTED = "REDACTED";

  private static final Set<String> SENSITIVE_QUERY_PARAMETERS =
      Set.of("AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature", "X-Amz-Signature",
          "X-Amz-Credential", "X-Amz-Security-Token", "access_token", "api_key", "apikey", "token");

  private UrlRedaction() {}

  /** Redacts an absolute URL; text that is not one comes back unchanged. */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return url;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = indexOfAny(url, authorityStart, "/?#");
    int at = url.lastIndexOf('@', authorityEnd - 1);
    String result = url;
    if (at >= authorityStart) {
      result = url.substring(0, authorityStart) + REDACTED + ':' + REDACTED + url.substring(at);
    }
    int query = result.indexOf('?');
    if (query < 0) {
      return result;
    }
    int fragment = result.indexOf('#', query);
    int queryEnd = fragment < 0 ? result.length() : fragment;
    return result.substring(0, query + 1)
        + redactQuery(result.substring(query + 1, queryEnd))
        + result.substring(queryEnd);
  }

  /** Redacts the values of sensitive parameters in a raw query string (without the '?'). */
  public static String redactQuery(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int eq = query.indexOf('=', start);
      if (eq > start && eq < end && SENSITIVE_QUERY_PARAMETERS.contains(query.substring(start, eq))) {
        if (out == null) {
          out = new StringBuilder(query.length()).append(query, 0, eq + 1);
        } else {
          out.append(query, start, eq + 1);
        }
        out.append(REDACTED);
      } else if (out != null) {
        out.append(query, start, end);
      }
      if (end < query.length() && out != null) {
        out.append('&');
      }
      start = end + 1;
    }
    return out == null ? query : out.toString();
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
