package dev.baton.instrumentation.api.http;

/** {@code http.route} from what a container knows about the mapping that matched a request. */
public final class HttpRoutes {

  private HttpRoutes() {}

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
