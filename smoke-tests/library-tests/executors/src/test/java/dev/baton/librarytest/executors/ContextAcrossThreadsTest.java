package dev.baton.librarytest.executors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import dev.baton.testing.Traceparent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request's context reaches the work it hands to other threads: each case runs inside a real
 * SERVER span (an instrumented servlet), hands off a task that calls WireMock with the JDK
 * HttpClient, and the call must carry the request's trace, with its CLIENT span a child of the
 * SERVER span. And what is handed off outside any request carries nothing.
 */
@ExtendWith(AgentExtension.class)
class ContextAcrossThreadsTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  static final ExecutorService SINGLE = Executors.newSingleThreadExecutor();
  static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);

  @AfterAll
  static void stopPools() {
    POOL.shutdownNow();
    SINGLE.shutdownNow();
    SCHEDULER.shutdownNow();
  }

  @BeforeEach
  void stub() {
    downstreamStub();
  }

  static void downstreamStub() {
    downstream.stubFor(any(urlPathMatching("/t/.*")).willReturn(aResponse().withStatus(200)));
  }

  /** The hand-off under test; it must make {@link #call} happen on another thread. */
  interface HandOff {
    void run(String path) throws Exception;
  }

  static void call(String path) {
    try {
      CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + downstream.getPort() + path)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the hand-off inside a request and checks the downstream call joined that request's trace. */
  static void assertCarried(String name, HandOff handOff) throws Exception {
    String path = "/t/" + name;
    String[] callerThread = new String[1];
    try (TracedServer server = TracedServer.start(request -> {
      callerThread[0] = Thread.currentThread().getName();
      handOff.run(path);
      return "done";
    })) {
      server.call("traceparent", TRACEPARENT);
    }
    LoggedRequest arrived = onlyRequest(path);
    Traceparent traceparent = Traceparent.parse(arrived.getHeader("traceparent"));
    assertThat(traceparent.traceId()).as(name).isEqualTo(TRACE_ID);
    ReceivedSpan client = AgentExtension.receiver().await(
        s -> s.kind().equals("CLIENT") && s.spanId().equals(traceparent.parentId()), 1, Duration.ofSeconds(30)).get(0);
    ReceivedSpan serverSpan = AgentExtension.receiver().await(
        s -> s.spanId().equals(client.parentSpanId()), 1, Duration.ofSeconds(30)).get(0);
    assertThat(serverSpan.kind()).as(name + ": the CLIENT span's parent").isEqualTo("SERVER");
    assertThat(serverSpan.traceId()).isEqualTo(TRACE_ID);
  }

  static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as(path).hasSize(1);
    return requests.get(0);
  }

  /** A call made outside any request must start its own trace. */
  static void assertNewTrace(String path) {
    Traceparent traceparent = Traceparent.parse(onlyRequest(path).getHeader("traceparent"));
    assertThat(traceparent.traceId()).as(path).isNotEqualTo(TRACE_ID);
  }

  static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void executeWithALambda() throws Exception {
    assertCarried("execute", path -> {
      CountDownLatch done = new CountDownLatch(1);
      POOL.execute(() -> {
        call(path);
        done.countDown();
      });
      await(done);
    });
  }

  @Test
  void submitAndInvokeAll() throws Exception {
    assertCarried("submit", path -> POOL.submit(() -> call(path)).get(30, TimeUnit.SECONDS));
    assertCarried("invokeAll", path -> POOL.invokeAll(List.of(() -> {
      call(path);
      return 1;
    })).get(0).get());
  }

  @Test
  void scheduledTask() throws Exception {
    assertCarried("schedule", path -> SCHEDULER.schedule(() -> call(path), 20, TimeUnit.MILLISECONDS).get());
  }

  @Test
  void forkJoinPoolAndParallelStream() throws Exception {
    assertCarried("forkjoin", path -> ForkJoinPool.commonPool().submit(() -> call(path)).get());
    assertCarried("forkjoin-execute", path -> {
      CountDownLatch done = new CountDownLatch(1);
      new ForkJoinPool(2).execute(() -> {
        call(path);
        done.countDown();
      });
      await(done);
    });
  }

  @Test
  void completableFutureAsyncStages() throws Exception {
    assertCarried("supplyAsync", path -> CompletableFuture.supplyAsync(() -> path).thenApplyAsync(p -> {
      call(p);
      return p;
    }).get(30, TimeUnit.SECONDS));
    assertCarried("runAsync-executor", path -> CompletableFuture.runAsync(() -> call(path), POOL).get());
  }

  @Test
  void threadStartedFromARequest() throws Exception {
    assertCarried("thread", path -> {
      Thread thread = new Thread(() -> call(path));
      thread.start();
      thread.join(30_000);
    });
  }

  @Test
  void virtualThreads() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
    assertCarried("virtual-thread", path -> {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      // through the public interface: the builder's class is internal to java.base
      Thread thread = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class)
          .invoke(builder, (Runnable) () -> call(path));
      thread.join(30_000);
    });
    assertCarried("virtual-executor", path -> {
      ExecutorService virtual = (ExecutorService) Executors.class
          .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      try {
        virtual.submit(() -> call(path)).get();
      } finally {
        virtual.shutdown();
      }
    });
  }

  /**
   * The single pool thread is created and first used inside a request; the next task, handed
   * over outside any request, must not run in that request's trace.
   */
  @Test
  void pooledThreadDoesNotLeakContextIntoTheNextTask() throws Exception {
    assertCarried("pooled-first", path -> SINGLE.submit(() -> call(path)).get());
    CountDownLatch done = new CountDownLatch(1);
    SINGLE.execute(() -> {
      call("/t/pooled-second");
      done.countDown();
    });
    await(done);
    assertNewTrace("/t/pooled-second");

    assertCarried("pool-execute-first", path -> {
      CountDownLatch first = new CountDownLatch(1);
      POOL.execute(() -> {
        call(path);
        first.countDown();
      });
      await(first);
    });
    SINGLE.submit(() -> call("/t/after-execute")).get();
    assertNewTrace("/t/after-execute");
  }

  @Test
  void workHandedOffOutsideAnyRequestCarriesNothing() throws Exception {
    POOL.submit(() -> call("/t/outside")).get();
    assertNewTrace("/t/outside");
    Thread thread = new Thread(() -> call("/t/outside-thread"));
    thread.start();
    thread.join();
    assertNewTrace("/t/outside-thread");
  }
}
