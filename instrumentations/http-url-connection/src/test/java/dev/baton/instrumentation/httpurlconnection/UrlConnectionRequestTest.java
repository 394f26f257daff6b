package dev.baton.instrumentation.httpurlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;

class UrlConnectionRequestTest {

  @Test
  void aUrlThatIsAlsoAUriIsKeptAsItIs() throws Exception {
    assertThat(UrlConnectionRequest.toUri(new URL("http://127.0.0.1:8081/a%20b?q=1")))
        .hasToString("http://127.0.0.1:8081/a%20b?q=1");
  }

  @Test
  void charactersAUriRefusesAreQuoted() throws Exception {
    assertThat(UrlConnectionRequest.toUri(new URL("http://example.com/a b?q=x y")))
        .hasToString("http://example.com/a%20b?q=x%20y");
  }
}
