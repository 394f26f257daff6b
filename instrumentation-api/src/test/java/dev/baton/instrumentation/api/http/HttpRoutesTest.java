package dev.baton.instrumentation.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpRoutesTest {

  @Test
  void servletMappingsBecomeRoutesUnderTheContextPath() {
    assertThat(HttpRoutes.fromServletMapping("", "EXACT", "/route")).isEqualTo("/route");
    assertThat(HttpRoutes.fromServletMapping("/app", "PATH", "/api/*")).isEqualTo("/app/api/*");
    assertThat(HttpRoutes.fromServletMapping("/app", "EXTENSION", "*.do")).isEqualTo("/app/*.do");
    assertThat(HttpRoutes.fromServletMapping("", "CONTEXT_ROOT", "")).isEqualTo("/");
    assertThat(HttpRoutes.fromServletMapping("/app", "CONTEXT_ROOT", "")).isEqualTo("/app");
    assertThat(HttpRoutes.fromServletMapping("/app", "DEFAULT", "/")).isEqualTo("/app/*");
    assertThat(HttpRoutes.fromServletMapping("", null, "/x")).isNull();
  }

  @Test
  void aFrameworkPatternTakesThePlaceOfTheServletsWildcard() {
    assertThat(HttpRoutes.withinServlet("/*", "/orders/{id}")).isEqualTo("/orders/{id}");
    assertThat(HttpRoutes.withinServlet("/app/*", "/orders/{id}")).isEqualTo("/app/orders/{id}");
    assertThat(HttpRoutes.withinServlet("/app/api/*", "orders")).isEqualTo("/app/api/orders");
    assertThat(HttpRoutes.withinServlet("/app/*", "/**")).isEqualTo("/app/**");
    assertThat(HttpRoutes.withinServlet("/exact", "/orders")).as("exact mapping").isNull();
    assertThat(HttpRoutes.withinServlet("/app/*.do", "/orders")).as("extension mapping").isNull();
    assertThat(HttpRoutes.withinServlet(null, "/orders")).isNull();
    assertThat(HttpRoutes.withinServlet("/*", null)).isNull();
  }

  @Test
  void protocolVersionDropsThePrefix() {
    assertThat(HttpServerAttributesGetter.versionOf("HTTP/1.1")).isEqualTo("1.1");
    assertThat(HttpServerAttributesGetter.versionOf("HTTP/2.0")).isEqualTo("2.0");
    assertThat(HttpServerAttributesGetter.versionOf(null)).isNull();
  }
}
