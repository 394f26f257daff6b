package dev.baton.instrumentation.api.http;

import java.net.URI;

/** What the shared client semantics need to read from one client's request and response. */
public interface HttpClientAttributesGetter<REQ, RESP> {

  String method(REQ request);

  URI uri(REQ request);

  /** The response status, or 0 if there is none. */
  int statusCode(RESP response);
}
