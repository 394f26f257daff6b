package dev.baton.instrumentation.api.messaging;

import dev.baton.instrumentation.api.InstrumentationConfig;
import java.util.List;

/** Baton's messaging settings, read once through the agent's configuration. */
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
    return InstrumentationConfig.getChoice(PROCESS_PARENT, List.of("producer", "link"), "producer")
        .equals("link");
  }
}
