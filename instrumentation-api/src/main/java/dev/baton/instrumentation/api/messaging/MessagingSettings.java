package dev.baton.instrumentation.api.messaging;

import java.util.Locale;

/**
 * Baton's messaging settings, read once. Instrumentations see no agent configuration object, so
 * these come from the system property or its environment variable ({@code BATON_...}), not from
 * the configuration file.
 */
final class MessagingSettings {

  static final String PROCESS_PARENT = "baton.messaging.process-parent";

  private MessagingSettings() {}

  /**
   * {@code baton.messaging.process-parent}: {@code producer} (default) makes the producer's span
   * the parent of each {@code process} span, so the consumer's work continues the producer's
   * trace; {@code link} keeps it in the consumer's own trace, under the receive span, with a link
   * to the producer.
   */
  static boolean processLinksToProducer() {
    String value = System.getProperty(PROCESS_PARENT);
    if (value == null) {
      value = System.getenv(PROCESS_PARENT.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    if (value == null || value.trim().equalsIgnoreCase("producer")) {
      return false;
    }
    if (value.trim().equalsIgnoreCase("link")) {
      return true;
    }
    // The agent's log is not reachable from here; this is its line format.
    System.err.println("[baton] WARN " + PROCESS_PARENT + "=" + value
        + " is not valid: use producer or link; using producer");
    return false;
  }
}
