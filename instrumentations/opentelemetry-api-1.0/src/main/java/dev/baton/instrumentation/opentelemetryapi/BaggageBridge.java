package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.baggage.BaggageBuilder;
import application.io.opentelemetry.api.baggage.BaggageEntryMetadata;

/** Baggage, entry by entry, between the application's API and the agent's. */
final class BaggageBridge {

  private BaggageBridge() {}

  static io.opentelemetry.api.baggage.Baggage toAgent(Baggage baggage) {
    io.opentelemetry.api.baggage.BaggageBuilder builder = io.opentelemetry.api.baggage.Baggage.builder();
    baggage.forEach((key, entry) -> builder.put(key, entry.getValue(),
        io.opentelemetry.api.baggage.BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }

  static Baggage toApplication(io.opentelemetry.api.baggage.Baggage baggage) {
    BaggageBuilder builder = Baggage.builder();
    baggage.forEach((key, entry) -> builder.put(key, entry.getValue(),
        BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }
}
