package dev.baton.instrumentation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.NodeApiVersions;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.ApiVersionsResponse.ApiVersion;
import org.junit.jupiter.api.Test;

/**
 * No broker that old can be started here (0.10 writes message format v1), so the decision is
 * checked on Kafka's own {@code ApiVersions}, fed what such a broker announces.
 */
class ProduceMagicTest {

  @Test
  void headersGoOnlyToBrokersThatTakeMessageFormatV2() {
    ApiVersions versions = new ApiVersions();
    assertThat(ProduceMagic.supportsHeaders(versions)).isTrue();
    versions.update("current", NodeApiVersions.create());
    assertThat(ProduceMagic.supportsHeaders(versions)).isTrue();

    // Produce v2 is what a 0.10 broker answers with: message format v1, no headers.
    versions.update("0.10", NodeApiVersions.create(List.of(new ApiVersion(ApiKeys.PRODUCE.id, (short) 0, (short) 2))));
    assertThat(ProduceMagic.supportsHeaders(versions)).isFalse();
  }

  @Test
  void withoutApiVersionsTheRecordCarriesTheContext() {
    assertThat(ProduceMagic.supportsHeaders(null)).isTrue();
  }
}
