package dev.baton.instrumentation.api.propagation;

/**
 * The one check a header value passes before Baton sends it on: bounded length and only visible
 * ASCII, space and tab. No CR or LF can ever reach an outbound header through Baton.
 */
public final class HeaderValues {

  /** Longer values are dropped, not truncated: a cut value would be a different value. */
  public static final int MAX_LENGTH = 4096;

  private HeaderValues() {}

  public static boolean isSafe(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
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
