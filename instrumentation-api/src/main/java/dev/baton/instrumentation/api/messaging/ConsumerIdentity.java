package dev.baton.instrumentation.api.messaging;

/** Who received a message: the consumer's client id and group, either may be {@code null}. */
public final class ConsumerIdentity {

  public static final ConsumerIdentity UNKNOWN = new ConsumerIdentity(null, null);

  private final String clientId;
  private final String consumerGroup;

  public ConsumerIdentity(String clientId, String consumerGroup) {
    this.clientId = emptyToNull(clientId);
    this.consumerGroup = emptyToNull(consumerGroup);
  }

  public String clientId() {
    return clientId;
  }

  public String consumerGroup() {
    return consumerGroup;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
