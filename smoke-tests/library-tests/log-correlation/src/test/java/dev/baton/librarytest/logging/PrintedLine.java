package dev.baton.librarytest.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One line the logging configuration printed: {@code message|trace_id|span_id|trace_flags|x_request_id|...},
 * as every configuration under src/test/resources lays it out.
 */
record PrintedLine(String message, String traceId, String spanId, String traceFlags, String requestId) {

  static Path logFile(String name) {
    return Path.of(System.getProperty("log.dir"), name);
  }

  /** Waits (asynchronous appenders, flushing) for the line of that message in the file. */
  static PrintedLine find(Path file, String message) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
          if (line.startsWith(message + "|")) {
            String[] parts = line.split("\\|", -1);
            return new PrintedLine(parts[0], parts[1], parts[2], parts[3], parts[4]);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line '" + message + "' in " + file);
      }
      Thread.sleep(20);
    }
  }

  boolean isClean() {
    return traceId.isEmpty() && spanId.isEmpty() && traceFlags.isEmpty() && requestId.isEmpty();
  }
}
