package dev.baton.bench.service;

import java.util.concurrent.atomic.LongAdder;

/** What the service counts for the runner: requests served and Kafka sends that failed. */
final class Counters {
  final LongAdder apiRequests = new LongAdder();
  final LongAdder statsRequests = new LongAdder();
  final LongAdder kafkaFailures = new LongAdder();
}
