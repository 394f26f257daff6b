package dev.baton.instrumentation.servlet.v5_0;

import dev.baton.instrumentation.api.http.HttpRoutes;
import dev.baton.instrumentation.api.http.HttpServerAttributesGetter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reads the HTTP server attributes from the servlet API. */
enum ServletAttributesGetter
    implements HttpServerAttributesGetter<HttpServletRequest, HttpServletResponse> {
  INSTANCE;

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String query(HttpServletRequest request) {
    return request.getQueryString();
  }

  /** The servlet mapping that matched, with the context path: {@code /app/api/*}. */
  @Override
  public String route(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    return HttpRoutes.fromServletMapping(
        request.getContextPath(), mapping.getMappingMatch().name(), mapping.getPattern());
  }

  @Override
  public String serverAddress(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String clientAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public String header(HttpServletRequest request, String name) {
    return request.getHeader(name);
  }

  @Override
  public String protocolVersion(HttpServletRequest request) {
    return HttpServerAttributesGetter.versionOf(request.getProtocol());
  }

  @Override
  public int statusCode(HttpServletResponse response) {
    return response.getStatus();
  }
}
