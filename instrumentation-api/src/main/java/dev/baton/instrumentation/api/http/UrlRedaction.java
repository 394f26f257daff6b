package dev.baton.instrumentation.api.http;

import dev.baton.instrumentation.api.InstrumentationConfig;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes credentials from URLs before they become span attributes: the user-info part and the
 * values of query parameters that look like credentials.
 *
 * <p>The parameter names are OpenTelemetry's setting,
 * {@code otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters}; as there,
 * a configured list replaces the default one. Baton's default is wider than OpenTelemetry's four
 * signature names (passwords, tokens, keys, secrets, cloud signatures and credentials), and names
 * match in any case ({@code Password=}, {@code TOKEN=}): a credential must not leak because of
 * how a client spells it.
 */
public final class UrlRedaction {

  static final String REDACTED = "REDACTED";

  public static final String SENSITIVE_QUERY_PARAMETERS_KEY =
      "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";

  public static final List<String> DEFAULT_SENSITIVE_QUERY_PARAMETERS =
      List.of("password", "passwd", "pwd", "pass", "token", "access_token", "refresh_token",
          "id_token", "auth", "api_key", "apikey", "api-key", "key", "secret", "client_secret",
          "sig", "signature", "AWSAccessKeyId", "X-Amz-Signature", "X-Amz-Credential",
          "X-Amz-Security-Token", "X-Goog-Signature", "X-Goog-Credential", "session");

  /** Read once, when a URL is first redacted (the agent installs the settings before that). */
  private static final class Sensitive {
    static final Set<String> NAMES = lowerCased(
        InstrumentationConfig.getList(SENSITIVE_QUERY_PARAMETERS_KEY, DEFAULT_SENSITIVE_QUERY_PARAMETERS));
  }

  private static Set<String> lowerCased(List<String> names) {
    java.util.HashSet<String> lower = new java.util.HashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lower);
  }

  static boolean isSensitive(String parameterName) {
    return Sensitive.NAMES.contains(parameterName.toLowerCase(Locale.ROOT));
  }

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
      if (eq > start && eq < end && isSensitive(query.substring(start, eq))) {
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
