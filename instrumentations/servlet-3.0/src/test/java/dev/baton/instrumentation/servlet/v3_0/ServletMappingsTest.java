package dev.baton.instrumentation.servlet.v3_0;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The module's own test class path has the Servlet 3.0 API, as on a 3.x container. */
class ServletMappingsTest {

  @Test
  void onServlet3ThereIsNoMappingAndNoRoute() {
    assertThat(ServletMappings.available()).isFalse();
    assertThat(ServletMappings.route(null)).isNull();
  }
}
