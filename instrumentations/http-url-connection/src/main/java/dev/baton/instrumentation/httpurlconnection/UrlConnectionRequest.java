package dev.baton.instrumentation.httpurlconnection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/** The request a connection is about to send, as the CLIENT span describes it. */
final class UrlConnectionRequest {

  final String method;
  final URI uri;

  UrlConnectionRequest(String method, URL url) {
    this.method = method;
    this.uri = toUri(url);
  }

  /**
   * {@code URL} accepts characters that {@code URI} does not (a space in the path, for example);
   * those are quoted rather than losing {@code url.full}.
   */
  static URI toUri(URL url) {
    if (url == null) {
      return null;
    }
    try {
      return url.toURI();
    } catch (URISyntaxException notStrict) {
      try {
        return new URI(url.getProtocol(), url.getUserInfo(), url.getHost(), url.getPort(),
            url.getPath(), url.getQuery(), url.getRef());
      } catch (URISyntaxException unusable) {
        return null;
      }
    }
  }
}
