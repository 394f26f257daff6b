package dev.baton.instrumentation.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceGapsTest {

  final List<String> logged = new ArrayList<>();
  final AtomicInteger firstGaps = new AtomicInteger();
  final GapRecorder recorder = new GapRecorder(1000, logged::add, r -> firstGaps.incrementAndGet());

  @AfterEach
  void uninstall() {
    TraceGaps.install(null);
  }

  static Context traced() {
    return Context.root().with(Span.wrap(SpanContext.create(
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));
  }

  @Test
  void aCallWithoutParentWhileARequestIsServedIsAGapAtItsCallSite() {
    TraceGaps.install(recorder);
    TraceGaps.serverStarted();
    try {
      assertThat(TraceGaps.outbound("baton.okhttp", traced())).as("with a parent").isFalse();
      for (int i = 0; i < 3; i++) {
        assertThat(TraceGaps.outbound("baton.okhttp", Context.root())).isTrue();
      }
    } finally {
      TraceGaps.serverEnded();
    }
    assertThat(recorder.total()).isEqualTo(3);
    assertThat(firstGaps).hasValue(1);
    // (this test lives in the agent's own package, so its call site is JUnit's first frame)
    assertThat(recorder.report()).contains("# total 3 by instrumentation {okhttp=3}")
        .containsPattern("\n[^#][^\t]*\tokhttp\t3\t");
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).contains("a okhttp call at");
  }

  @Test
  void nothingIsCountedWhenNoTracedRequestIsServedOrWhenOff() throws Exception {
    assertThat(TraceGaps.outbound("baton.okhttp", Context.root())).as("off").isFalse();
    TraceGaps.install(recorder);
    TraceGaps.serverStarted();
    TraceGaps.serverEnded();
    assertThat(TraceGaps.outbound("baton.okhttp", Context.root())).as("after the last request").isFalse();
    assertThat(recorder.total()).isZero();
  }

  @Test
  void stacksAreReadForAtMostTheConfiguredNumberPerSecond() {
    GapRecorder sampled = new GapRecorder(2, logged::add, r -> {});
    for (int i = 0; i < 5; i++) {
      sampled.record("baton.jdbc");
    }
    assertThat(sampled.total()).isEqualTo(5);
    assertThat(sampled.report()).contains("gaps whose stack was not read 3").containsPattern("\tjdbc\t2\t");
  }

  @Test
  void callSitesAreBounded() throws Exception {
    GapRecorder bounded = new GapRecorder(100_000, logged::add, r -> {});
    for (int i = 0; i < GapRecorder.MAX_CALL_SITES + 10; i++) {
      Runnable site = new SiteOf(bounded, i);
      site.run();
    }
    assertThat(bounded.report()).contains("gaps at further sites 10");
    assertThat(logged).hasSize(GapRecorder.LOG_LINES_PER_MINUTE);
  }

  /** Records under its own instrumentation name: a distinct call site key per instance. */
  static final class SiteOf implements Runnable {
    private final GapRecorder recorder;
    private final int index;

    SiteOf(GapRecorder recorder, int index) {
      this.recorder = recorder;
      this.index = index;
    }

    @Override
    public void run() {
      recorder.record("baton.client-" + index);
    }
  }
}
