package dev.baton.instrumentation.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRedactionTest {

  @Test
  void userInfoIsRedacted() {
    assertThat(UrlRedaction.redactUrl("https://user:pw@host:8443/p"))
        .isEqualTo("https://REDACTED:REDACTED@host:8443/p");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://user@host/p | http://REDACTED:REDACTED@host/p",
      "http://user:pw@host | http://REDACTED:REDACTED@host",
      "http://user:pw@host?a=1 | http://REDACTED:REDACTED@host?a=1",
      "http://user:pw@host#f | http://REDACTED:REDACTED@host#f",
      "http://user:p@ss@host/p | http://REDACTED:REDACTED@host/p",
      "http://user:pw@[::1]:8080/p | http://REDACTED:REDACTED@[::1]:8080/p"})
  void userInfoVariants(String url, String expected) {
    assertThat(UrlRedaction.redactUrl(url)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://host/users/a@b.com",
      "https://host:8443/p?email=a@b.com",
      "https://host?email=a@b.com",
      "https://host/p#me@example",
      "https://host/a@b/c?d=e@f#g@h"})
  void atSignOutsideTheAuthorityIsNotUserInfo(String url) {
    assertThat(UrlRedaction.redactUrl(url)).isEqualTo(url);
  }

  @Test
  void userInfoAndQueryBothRedacted() {
    assertThat(UrlRedaction.redactUrl("https://u:p@host/p?sig=abc&x=1@2"))
        .isEqualTo("https://REDACTED:REDACTED@host/p?sig=REDACTED&x=1@2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // first, middle, last position
      "https://h/p?token=s&a=1&b=2 | https://h/p?token=REDACTED&a=1&b=2",
      "https://h/p?a=1&Signature=s&b=2 | https://h/p?a=1&Signature=REDACTED&b=2",
      "https://h/p?a=1&b=2&X-Amz-Signature=s | https://h/p?a=1&b=2&X-Amz-Signature=REDACTED",
      // only parameter
      "https://h/p?api_key=s | https://h/p?api_key=REDACTED",
      // repeated, and several different ones
      "https://h/p?sig=1&sig=2&a=3&sig=4 | https://h/p?sig=REDACTED&sig=REDACTED&a=3&sig=REDACTED",
      "https://h/?AWSAccessKeyId=k&Expires=9&Signature=s"
          + " | https://h/?AWSAccessKeyId=REDACTED&Expires=9&Signature=REDACTED",
      // with fragment
      "https://h/p?access_token=s#frag | https://h/p?access_token=REDACTED#frag",
      "https://h/p?a=1&apikey=s#f?token=x | https://h/p?a=1&apikey=REDACTED#f?token=x",
      // empty value
      "https://h/p?token=&a=1 | https://h/p?token=REDACTED&a=1"})
  void sensitiveQueryParametersAreRedacted(String url, String expected) {
    assertThat(UrlRedaction.redactUrl(url)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://h/p?a=1&b=2",
      "https://h/p?tokenx=1&xtoken=2&keys=3&signatures=4",
      "https://h/p?q=token%3Dabc",
      "https://h/p?a=token&b=sig"})
  void otherQueryParametersAreUntouched(String url) {
    assertThat(UrlRedaction.redactUrl(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://h/p?TOKEN=s&Password=p | https://h/p?TOKEN=REDACTED&Password=REDACTED",
      "https://h/p?pwd=s&passwd=p&secret=x | https://h/p?pwd=REDACTED&passwd=REDACTED&secret=REDACTED",
      "https://h/p?signature=s&x-amz-signature=t | https://h/p?signature=REDACTED&x-amz-signature=REDACTED"})
  void sensitiveNamesMatchInAnyCase(String url, String expected) {
    assertThat(UrlRedaction.redactUrl(url)).isEqualTo(expected);
  }

  @Test
  void noQuery() {
    assertThat(UrlRedaction.redactUrl("https://host/path")).isEqualTo("https://host/path");
    assertThat(UrlRedaction.redactUrl("https://host")).isEqualTo("https://host");
    assertThat(UrlRedaction.redactUrl("https://host/p#token=x")).isEqualTo("https://host/p#token=x");
  }

  @Test
  void emptyQuery() {
    assertThat(UrlRedaction.redactUrl("https://host/p?")).isEqualTo("https://host/p?");
    assertThat(UrlRedaction.redactUrl("https://host/p?#f")).isEqualTo("https://host/p?#f");
  }

  @Test
  void parameterWithoutEquals() {
    assertThat(UrlRedaction.redactUrl("https://h/p?flag&token=s"))
        .isEqualTo("https://h/p?flag&token=REDACTED");
    assertThat(UrlRedaction.redactUrl("https://h/p?token=s&flag"))
        .isEqualTo("https://h/p?token=REDACTED&flag");
    assertThat(UrlRedaction.redactUrl("https://h/p?token&a=1")).isEqualTo("https://h/p?token&a=1");
    assertThat(UrlRedaction.redactUrl("https://h/p?=x&sig=s")).isEqualTo("https://h/p?=x&sig=REDACTED");
  }

  @Test
  void emptyPairsAreKept() {
    assertThat(UrlRedaction.redactUrl("https://h/p?a=1&&token=s&"))
        .isEqualTo("https://h/p?a=1&&token=REDACTED&");
    assertThat(UrlRedaction.redactUrl("https://h/p?&token=s")).isEqualTo("https://h/p?&token=REDACTED");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not a url", "/relative/path?token=s", "host:8080", "user@host", "mailto:a@b.com",
      "a=b&c=d"})
  void nonUrlTextIsUnchanged(String text) {
    assertThat(UrlRedaction.redactUrl(text)).isEqualTo(text);
  }

  @Test
  void nullIsNull() {
    assertThat(UrlRedaction.redactUrl(null)).isNull();
    assertThat(UrlRedaction.redactQuery(null)).isNull();
  }

  @Test
  void redactQueryAlone() {
    assertThat(UrlRedaction.redactQuery("")).isEmpty();
    assertThat(UrlRedaction.redactQuery("a=1&b=2")).isEqualTo("a=1&b=2");
    assertThat(UrlRedaction.redactQuery("X-Goog-Signature=s")).isEqualTo("X-Goog-Signature=REDACTED");
    assertThat(UrlRedaction.redactQuery("a=1&X-Amz-Credential=c&X-Amz-Security-Token=t&b=2"))
        .isEqualTo("a=1&X-Amz-Credential=REDACTED&X-Amz-Security-Token=REDACTED&b=2");
  }

  @Test
  void unchangedInputIsReturnedAsIs() {
    String query = "a=1&b=2";
    assertThat(UrlRedaction.redactQuery(query)).isSameAs(query);
    String url = "https://host/p";
    assertThat(UrlRedaction.redactUrl(url)).isSameAs(url);
  }
}
