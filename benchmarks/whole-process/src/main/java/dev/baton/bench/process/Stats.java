package dev.baton.bench.process;

import java.util.HashMap;
import java.util.Map;

/** One {@code /stats} answer of the bench service. */
record Stats(long apiRequests, long allocatedBytes, long classesLoaded, long heapUsedBytes) {

  static Stats parse(String line) {
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.trim().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return new Stats(values.get("api"), values.get("allocated"), values.get("classes"), values.get("heapUsed"));
  }
}
