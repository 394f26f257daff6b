package dev.baton.instrumentation.api.http;

/** What the shared server semantics need to read from one container's request and response. */
public interface HttpServerAttributesGetter<REQ, RESP> {

  String method(REQ request);

  String scheme(REQ request);

  String path(REQ request);

  /** The raw query, without '?', or {@code null}. */
  String query(REQ request);

  /** The matched route template (for example {@code /users/*}), or {@code null} if unknown. */
  String route(REQ request);

  String serverAddress(REQ request);

  int serverPort(REQ request);

  String clientAddress(REQ request);

  String header(REQ request, String name);

  /** For example {@code 1.1} or {@code 2}; {@code null} if unknown. */
  String protocolVersion(REQ request);

  int statusCode(RESP response);

  /** {@code HTTP/1.1}, as a servlet request's {@code getProtocol()} says it, becomes {@code 1.1}. */
  static String versionOf(String protocol) {
    return protocol != null && protocol.startsWith("HTTP/") ? protocol.substring(5) : null;
  }
}
