package dev.baton.instrumentation.apachehttpclient.v5_0;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/** What the application asked for: the request and, where it gave one, the target host. */
final class ApacheRequest {

  private final HttpHost target;
  private final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }

  String method() {
    return request.getMethod();
  }

  /** The absolute URI: the request's own, or its path resolved against the target host. */
  URI uri() {
    try {
      URI uri = request.getUri();
      return target == null || uri.isAbsolute() ? uri : new URI(target.toURI()).resolve(uri);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
