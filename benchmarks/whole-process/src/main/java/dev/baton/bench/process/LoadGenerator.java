package dev.baton.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load in its own JVM: {@code concurrency} connections each send {@code GET /api} as
 * soon as the previous answer arrived, for a warm-up and then a measured window. Around the
 * window it reads the service's {@code /stats} and its CPU time ({@code /proc/<pid>/stat}), and
 * prints one {@code RESULT} line for the runner.
 *
 * <p>Arguments: {@code <port> <service pid> <concurrency> <warm-up seconds> <measured seconds>}.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long pid = Long.parseLong(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    long warmupNanos = Long.parseLong(args[3]) * 1_000_000_000L;
    long measureNanos = Long.parseLong(args[4]) * 1_000_000_000L;

    long start = System.nanoTime();
    long measureFrom = start + warmupNanos;
    long measureTo = measureFrom + measureNanos;
    AtomicLong errors = new AtomicLong();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(port, measureFrom, measureTo, errors);
      workers.add(worker);
      worker.start();
    }
    sleepUntil(measureFrom);
    String statsBefore = HttpProbe.get(port, "/stats", 30_000);
    long cpuBefore = cpuTicks(pid);
    sleepUntil(measureTo);
    long cpuAfter = cpuTicks(pid);
    String statsAfter = HttpProbe.get(port, "/stats", 30_000);
    long requests = 0;
    int samples = 0;
    for (Worker worker : workers) {
      worker.join();
      requests += worker.measured;
      samples += worker.count;
    }
    long[] latencies = new long[samples];
    int at = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
      at += worker.count;
    }
    Arrays.sort(latencies);
    double seconds = measureNanos / 1e9;
    System.out.println("RESULT throughput=" + (requests / seconds)
        + " p50us=" + percentile(latencies, 0.50)
        + " p99us=" + percentile(latencies, 0.99)
        + " errors=" + errors.get()
        + " cpuMsPerRequest=" + (requests == 0 ? 0 : (cpuAfter - cpuBefore) * 10.0 / requests)
        + " | " + statsBefore.trim() + " | " + statsAfter.trim());
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000;
  }

  /** utime + stime of the process, in clock ticks (1/100 s on Linux). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  /** One connection sending requests back to back; latencies kept only inside the window. */
  private static final class Worker extends Thread {
    private final int port;
    private final long measureFrom;
    private final long measureTo;
    private final AtomicLong errors;
    long[] latencies = new long[1 << 16];
    int count;
    long measured;

    Worker(int port, long measureFrom, long measureTo, AtomicLong errors) {
      this.port = port;
      this.measureFrom = measureFrom;
      this.measureTo = measureTo;
      this.errors = errors;
      setDaemon(true);
    }

    @Override
    public void run() {
      HttpProbe probe = null;
      long now = System.nanoTime();
      while (now < measureTo) {
        try {
          if (probe == null) {
            probe = new HttpProbe(port, "/api", 30_000);
          }
          int status = probe.send();
          long end = System.nanoTime();
          if (status != 200) {
            errors.incrementAndGet();
          } else if (now >= measureFrom && end <= measureTo) {
            record(end - now);
          }
          now = end;
        } catch (IOException | RuntimeException e) {
          errors.incrementAndGet();
          closeQuietly(probe);
          probe = null;
          now = System.nanoTime();
        }
      }
      closeQuietly(probe);
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
      measured++;
    }

    private static void closeQuietly(HttpProbe probe) {
      if (probe != null) {
        try {
          probe.close();
        } catch (IOException ignored) {
          // a broken connection is replaced by a new one
        }
      }
    }
  }
}
