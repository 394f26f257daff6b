package dev.baton.instrumentation.api.propagation;

import java.util.Locale;

/**
 * The one check a header value passes before Baton reads it as context or sends it on: bounded
 * length and only visible ASCII, space and tab, so no CR or LF can ever reach an outbound header
 * through Baton; and the W3C size caps for the two headers that carry lists.
 */
public final class HeaderValues {

  /** Longer values are dropped, not truncated: a cut value would be a different value. */
  public static final int MAX_LENGTH = 4096;

  /** W3C Trace Context: at most 32 list members and 512 characters. */
  public static final int TRACESTATE_MAX_MEMBERS = 32;
  public static final int TRACESTATE_MAX_LENGTH = 512;

  /** W3C Baggage: at most 180 list members (entries) and 8192 bytes. */
  public static final int BAGGAGE_MAX_ENTRIES = 180;
  public static final int BAGGAGE_MAX_LENGTH = 8192;

  private HeaderValues() {}

  public static boolean isSafe(String value) {
    return value != null && value.length() <= MAX_LENGTH && hasOnlySafeCharacters(value);
  }

  /**
   * Whether the value may be read or sent as this header: safe characters, and within the caps
   * of {@code tracestate} and {@code baggage} (which may be longer than other headers, but no
   * longer than their caps). A value over a cap is dropped whole, never cut.
   */
  public static boolean isAcceptable(String name, String value) {
    if (value == null) {
      return false;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "tracestate":
        return value.length() <= TRACESTATE_MAX_LENGTH
            && hasOnlySafeCharacters(value)
            && members(value) <= TRACESTATE_MAX_MEMBERS;
      case "baggage":
        // only ASCII passes the character check, so characters are bytes
        return value.length() <= BAGGAGE_MAX_LENGTH
            && hasOnlySafeCharacters(value)
            && members(value) <= BAGGAGE_MAX_ENTRIES;
      default:
        return isSafe(value);
    }
  }

  private static boolean hasOnlySafeCharacters(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static int members(String list) {
    int members = 1;
    for (int i = 0; i < list.length(); i++) {
      if (list.charAt(i) == ',') {
        members++;
      }
    }
    return members;
  }

  /** A header name: an RFC 9110 token. */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.length() > 256) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return false;
      }
    }
    return true;
  }
}
