package dev.baton.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * Copies an {@code HttpRequest} into a new builder: everything the client sends (URI, method,
 * body, headers, timeout, version, expect-continue). {@code HttpRequest.newBuilder(request, filter)}
 * does this from Java 16 on; this works on 11.
 */
final class RequestCopier {

  private RequestCopier() {}

  static HttpRequest.Builder copy(HttpRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .method(
                request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
            .expectContinue(request.expectContinue());
    request.timeout().ifPresent(builder::timeout);
    request.version().ifPresent(builder::version);
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      for (String value : header.getValue()) {
        builder.header(header.getKey(), value);
      }
    }
    return builder;
  }
}
