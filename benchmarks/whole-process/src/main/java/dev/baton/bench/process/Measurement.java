package dev.baton.bench.process;

import java.util.ArrayList;
import java.util.List;

/** What one variant measured: start-up of every launch, and the figures of its load run. */
final class Measurement {

  final Variant variant;
  final List<Double> startupSeconds = new ArrayList<>();
  /** Bytes allocated by the whole JVM until the first request was answered, per launch. */
  final List<Double> startupAllocatedBytes = new ArrayList<>();
  double throughput;
  long p50Micros;
  long p99Micros;
  long errors;
  double cpuMillisPerRequest;
  double allocatedBytesPerRequest;
  long classesLoaded;
  long peakRssKb;
  long heapAfterLoadBytes;
  long spansCreated;
  long spansReceived;

  Measurement(Variant variant) {
    this.variant = variant;
  }

  double medianStartup() {
    return median(startupSeconds);
  }

  double medianStartupAllocated() {
    return median(startupAllocatedBytes);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Reads the load generator's RESULT line (see {@link LoadGenerator}). */
  void readLoadResult(String resultLine) {
    String[] parts = resultLine.substring("RESULT ".length()).split(" \\| ");
    for (String pair : parts[0].trim().split(" ")) {
      String key = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      switch (key) {
        case "throughput" -> throughput = Double.parseDouble(value);
        case "p50us" -> p50Micros = Long.parseLong(value);
        case "p99us" -> p99Micros = Long.parseLong(value);
        case "errors" -> errors = Long.parseLong(value);
        case "cpuMsPerRequest" -> cpuMillisPerRequest = Double.parseDouble(value);
        default -> { }
      }
    }
    Stats before = Stats.parse(parts[1]);
    Stats after = Stats.parse(parts[2]);
    long requests = after.apiRequests() - before.apiRequests();
    allocatedBytesPerRequest = requests == 0 ? 0 : (double) (after.allocatedBytes() - before.allocatedBytes()) / requests;
  }
}
