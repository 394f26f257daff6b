package dev.baton.instrumentation.api.db;

import dev.baton.instrumentation.api.propagation.VerbatimHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Carries the trace into the database (sqlcommenter): appends a block comment such as
 * {@code traceparent='00-...-...-01',x-request-id='...'} to the SQL sent, so the statement in
 * the database's log or {@code pg_stat_activity} names the trace. Keys are sorted
 * and values URL-encoded, as the sqlcommenter specification asks; forwarded mesh headers (the
 * request's {@code x-request-id}) are added when the request carried them.
 *
 * <p>A text that already holds a comment is left alone (the specification forbids changing it:
 * the comment may be a hint). The comment goes before a trailing {@code ;}.
 */
public final class SqlCommenter {

  private final List<String> forwardedHeaders;

  /** @param forwardedHeaders the forwarded headers to add when the context carries them */
  public SqlCommenter(List<String> forwardedHeaders) {
    this.forwardedHeaders = forwardedHeaders;
  }

  /** The SQL with the comment, or the same string when there is no trace to carry. */
  public String append(String sql, Context context) {
    if (sql == null || !Span.fromContext(context).getSpanContext().isValid()
        || sql.contains("--") || sql.contains("/*")) {
      return sql;
    }
    Map<String, String> fields = new TreeMap<>();
    W3CTraceContextPropagator.getInstance().inject(context, fields, MapSetter.INSTANCE);
    for (String header : forwardedHeaders) {
      String value = VerbatimHeaders.get(context, header);
      if (value != null) {
        fields.put(header, value);
      }
    }
    StringBuilder comment = new StringBuilder("/*");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (comment.length() > 2) {
        comment.append(',');
      }
      comment.append(encode(field.getKey())).append("='").append(encode(field.getValue())).append('\'');
    }
    comment.append("*/");
    int end = sql.length();
    while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
      end--;
    }
    if (end > 0 && sql.charAt(end - 1) == ';') {
      return sql.substring(0, end - 1) + comment + sql.substring(end - 1);
    }
    return sql + comment;
  }

  /** Percent-encoding; {@code '} and {@code *} are encoded too, so no value can end the comment. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }

  private enum MapSetter implements TextMapSetter<Map<String, String>> {
    INSTANCE;

    @Override
    public void set(Map<String, String> carrier, String key, String value) {
      if (carrier != null) {
        carrier.put(key, value);
      }
    }
  }
}
