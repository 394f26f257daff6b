package dev.baton.instrumentation.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpMethodsTest {

  @ParameterizedTest
  @ValueSource(strings = {"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT",
      "TRACE"})
  void knownMethodsAreKept(String method) {
    assertThat(HttpMethods.isKnown(method)).isTrue();
    assertThat(HttpMethods.normalize(method)).isEqualTo(method);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"get", "Post", "PROPFIND", "QUERY", "FOO", " GET", "GET "})
  void unknownMethodsBecomeOther(String method) {
    assertThat(HttpMethods.isKnown(method)).isFalse();
    assertThat(HttpMethods.normalize(method)).isEqualTo("_OTHER").isEqualTo(HttpMethods.OTHER);
  }

  @Test
  void spanNameWithTarget() {
    assertThat(HttpMethods.spanName("GET", "/users/{id}")).isEqualTo("GET /users/{id}");
    assertThat(HttpMethods.spanName("POST", "/orders")).isEqualTo("POST /orders");
  }

  @Test
  void spanNameWithoutTargetIsTheMethod() {
    assertThat(HttpMethods.spanName("GET", null)).isEqualTo("GET");
    assertThat(HttpMethods.spanName("DELETE", "")).isEqualTo("DELETE");
  }

  @Test
  void unknownMethodSpanNameIsHttp() {
    assertThat(HttpMethods.spanName("PROPFIND", null)).isEqualTo("HTTP");
    assertThat(HttpMethods.spanName("get", "")).isEqualTo("HTTP");
    assertThat(HttpMethods.spanName(null, null)).isEqualTo("HTTP");
    assertThat(HttpMethods.spanName("PROPFIND", "/dav/{path}")).isEqualTo("HTTP /dav/{path}");
    assertThat(HttpMethods.spanName("_OTHER", null)).isEqualTo("HTTP");
  }
}
