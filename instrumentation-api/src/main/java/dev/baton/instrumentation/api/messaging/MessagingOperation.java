package dev.baton.instrumentation.api.messaging;

/**
 * The operations Baton traces, with the span kind and {@code messaging.operation.type} the
 * conventions give each. The span name is {@code "{operation name} {destination}"}, or the
 * operation name alone when a batch spans several destinations.
 */
public enum MessagingOperation {
  SEND("send"),
  RECEIVE("receive"),
  PROCESS("process");

  private final String type;

  MessagingOperation(String type) {
    this.type = type;
  }

  /** The value of {@code messaging.operation.type}. */
  public String type() {
    return type;
  }

  /** {@code "send orders"}; just the operation name when the destination is unknown or mixed. */
  public static String spanName(String operationName, String destination) {
    return destination == null || destination.isEmpty() ? operationName : operationName + ' ' + destination;
  }
}
