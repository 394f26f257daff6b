package dev.baton.instrumentation.kafka;

import dev.baton.instrumentation.api.messaging.ConsumerIdentity;
import io.opentelemetry.context.Context;

/** What a poll knew about the batch it returned: who consumed it, and its receive context. */
final class PollInfo {

  static final PollInfo NONE = new PollInfo(ConsumerIdentity.UNKNOWN, null);

  final ConsumerIdentity identity;
  /** The receive span's context, or {@code null}. */
  final Context receive;

  PollInfo(ConsumerIdentity identity, Context receive) {
    this.identity = identity;
    this.receive = receive;
  }
}
