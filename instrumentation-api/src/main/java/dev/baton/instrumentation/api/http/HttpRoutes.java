package dev.baton.instrumentation.api.http;

/** {@code http.route} from what a container knows about the mapping that matched a request. */
public final class HttpRoutes {

  /**
   * The request attribute where Spring MVC's {@code HandlerMapping} leaves the pattern of the
   * handler it chose ({@code /orders/{id}}), relative to the DispatcherServlet's mapping. Read by
   * name, so the servlet instrumentation needs no Spring types.
   */
  public static final String SPRING_MVC_PATTERN_ATTRIBUTE =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private HttpRoutes() {}

  /**
   * The route of a framework's handler pattern under the servlet that dispatched to it: the
   * servlet's prefix mapping ({@code /app/api/*}, or {@code /app/*} for the default servlet) with
   * the pattern in place of its wildcard: {@code /app/api/orders/{id}}.
   *
   * @return the route, or {@code null} when there is no pattern or the servlet is not mapped by
   *     prefix (an exact or extension mapping leaves nothing for a framework to route)
   */
  public static String withinServlet(String servletRoute, String pattern) {
    if (servletRoute == null || !servletRoute.endsWith("/*") || pattern == null || pattern.isEmpty()) {
      return null;
    }
    String prefix = servletRoute.substring(0, servletRoute.length() - 2);
    return pattern.startsWith("/") ? prefix + pattern : prefix + '/' + pattern;
  }

  /**
   * The route of a servlet mapping ({@code HttpServletMapping}, Servlet 4+), with the context
   * path in front: {@code /app/api/*}.
   *
   * @param mappingMatch the name of the {@code MappingMatch} constant, or {@code null}
   * @param pattern the mapping's pattern as the container reports it
   * @return the route, or {@code null} when the container reported no match
   */
  public static String fromServletMapping(String contextPath, String mappingMatch, String pattern) {
    if (mappingMatch == null) {
      return null;
    }
    String context = contextPath == null ? "" : contextPath;
    switch (mappingMatch) {
      case "CONTEXT_ROOT":
        return context.isEmpty() ? "/" : context;
      case "DEFAULT":
        // the default servlet answers every path nothing else matched
        return context + "/*";
      case "EXTENSION":
        // "*.do": any path that ends so
        return context + "/" + pattern;
      default:
        return pattern == null || pattern.isEmpty() ? null : context + pattern;
    }
  }
}
