package dev.baton.instrumentation.api.gaps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

/**
 * Quick timing of what gap detection adds per SERVER span and per outbound call, until the
 * benchmarks module has a JMH benchmark for it. Run (after {@code mvn -pl instrumentation-api -am test-compile}):
 * {@code java -cp instrumentation-api/target/test-classes:instrumentation-api/target/classes:bootstrap/target/classes:<opentelemetry-api, -context, -common jars> dev.baton.instrumentation.api.gaps.GapHotPathTiming}
 */
public class GapHotPathTiming {
  static long sink;

  public static void main(String[] args) throws Exception {
    Context parent = Context.root().with(Span.wrap(SpanContext.create(
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));
    int n = 20_000_000;
    for (int round = 0; round < 3; round++) {
      TraceGaps.install(null);
      long offServer = perOp(n, () -> { TraceGaps.serverStarted(); TraceGaps.serverEnded(); });
      long offOut = perOp(n, () -> sink += TraceGaps.outbound("x", parent) ? 1 : 0);
      TraceGaps.install(new GapRecorder(32, s -> {}, r -> {}));
      long onServer = perOp(n, () -> { TraceGaps.serverStarted(); TraceGaps.serverEnded(); });
      long onOut = perOp(n, () -> sink += TraceGaps.outbound("x", parent) ? 1 : 0);
      long onServer2 = twoThreads(n, () -> { TraceGaps.serverStarted(); TraceGaps.serverEnded(); });
      System.out.printf("round %d: server start+end off %.1f ns, on %.1f ns, on (2 threads) %.1f ns; outbound with parent off %.1f ns, on %.1f ns%n",
          round, offServer / 1000.0, onServer / 1000.0, onServer2 / 1000.0, offOut / 1000.0, onOut / 1000.0);
    }
  }

  /** Picoseconds per operation. */
  static long perOp(int n, Runnable op) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      op.run();
    }
    return (System.nanoTime() - start) * 1000 / n;
  }

  static long twoThreads(int n, Runnable op) throws Exception {
    long[] result = new long[2];
    Thread a = new Thread(() -> result[0] = perOp(n, op));
    Thread b = new Thread(() -> result[1] = perOp(n, op));
    a.start(); b.start(); a.join(); b.join();
    return (result[0] + result[1]) / 2;
  }
}
