package dev.baton.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A W3C {@code traceparent} header as it arrived somewhere, for assertions. */
public record Traceparent(String traceId, String parentId, String flags) {

  private static final Pattern FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  public static Traceparent parse(String header) {
    if (header == null) {
      throw new AssertionError("no traceparent header");
    }
    Matcher matcher = FORMAT.matcher(header);
    if (!matcher.matches()) {
      throw new AssertionError("malformed traceparent: " + header);
    }
    return new Traceparent(matcher.group(1), matcher.group(2), matcher.group(3));
  }

  public boolean sampled() {
    return (Integer.parseInt(flags, 16) & 1) == 1;
  }
}
