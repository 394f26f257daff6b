package dev.baton.instrumentation.apachehttpclient.v4_0;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.HttpUriRequest;

/** What the application asked for: the request and, where it gave one, the target host. */
final class ApacheRequest {

  private final HttpHost target;
  private final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }

  /** {@code null} where the request is not known (an async call with a custom producer). */
  String method() {
    return request == null ? null : request.getRequestLine().getMethod();
  }

  /** The absolute URI: the request's own, or its path resolved against the target host. */
  URI uri() {
    try {
      URI uri = request == null ? null
          : request instanceof HttpUriRequest ? ((HttpUriRequest) request).getURI()
          : new URI(request.getRequestLine().getUri());
      if (target == null || (uri != null && uri.isAbsolute())) {
        return uri;
      }
      URI base = new URI(target.toURI());
      return uri == null ? base : base.resolve(uri);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
