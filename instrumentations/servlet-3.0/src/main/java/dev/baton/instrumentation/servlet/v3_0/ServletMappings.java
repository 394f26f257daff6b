package dev.baton.instrumentation.servlet.v3_0;

import static java.lang.invoke.MethodType.methodType;

import dev.baton.instrumentation.api.http.HttpRoutes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import javax.servlet.http.HttpServletRequest;

/**
 * {@code http.route} from Servlet 4's {@code HttpServletMapping}. The module compiles against
 * Servlet 3.0, where neither that type nor {@code getHttpServletMapping()} exists, so the methods
 * are looked up once, when this class is initialised for a container's class loader, and called
 * through constant method handles: no reflection per request, and as fast as a direct call once
 * compiled. On a 3.x container there is no mapping: no route, and the span is named after the
 * path.
 */
final class ServletMappings {

  private static final MethodHandle MAPPING_OF; // (HttpServletRequest) -> HttpServletMapping
  private static final MethodHandle MATCH_OF; // (HttpServletMapping) -> MappingMatch
  private static final MethodHandle PATTERN_OF; // (HttpServletMapping) -> String

  static {
    MethodHandle mappingOf = null;
    MethodHandle matchOf = null;
    MethodHandle patternOf = null;
    try {
      ClassLoader api = HttpServletRequest.class.getClassLoader();
      Class<?> mapping = Class.forName("javax.servlet.http.HttpServletMapping", false, api);
      Class<?> match = Class.forName("javax.servlet.http.MappingMatch", false, api);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      mappingOf = lookup
          .findVirtual(HttpServletRequest.class, "getHttpServletMapping", methodType(mapping))
          .asType(methodType(Object.class, HttpServletRequest.class));
      matchOf = lookup.findVirtual(mapping, "getMappingMatch", methodType(match))
          .asType(methodType(Object.class, Object.class));
      patternOf = lookup.findVirtual(mapping, "getPattern", methodType(String.class))
          .asType(methodType(String.class, Object.class));
    } catch (ReflectiveOperationException servlet3) {
      mappingOf = null; // a Servlet 3.x API: no mapping to read
    }
    MAPPING_OF = mappingOf;
    MATCH_OF = matchOf;
    PATTERN_OF = patternOf;
  }

  private ServletMappings() {}

  static boolean available() {
    return MAPPING_OF != null;
  }

  /** The route of the mapping that matched, or {@code null} on Servlet 3.x or without a match. */
  static String route(HttpServletRequest request) {
    if (MAPPING_OF == null) {
      return null;
    }
    try {
      Object mapping = (Object) MAPPING_OF.invokeExact(request);
      if (mapping == null) {
        return null;
      }
      Object match = (Object) MATCH_OF.invokeExact(mapping);
      String pattern = (String) PATTERN_OF.invokeExact(mapping);
      return HttpRoutes.fromServletMapping(
          request.getContextPath(), match == null ? null : ((Enum<?>) match).name(), pattern);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable checked) {
      // the three methods declare no checked exception
      throw new IllegalStateException(checked);
    }
  }
}
