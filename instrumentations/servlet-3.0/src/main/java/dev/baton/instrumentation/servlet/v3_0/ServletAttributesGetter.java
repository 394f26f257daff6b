package dev.baton.instrumentation.servlet.v3_0;

import dev.baton.instrumentation.api.http.HttpServerAttributesGetter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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

  /** The servlet mapping that matched (Servlet 4+; none on 3.x), with the context path. */
  @Override
  public String route(HttpServletRequest request) {
    return ServletMappings.route(request);
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
