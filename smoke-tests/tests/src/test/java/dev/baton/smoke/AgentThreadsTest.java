package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The threads of a service with the agent, read from the JVM's own thread dump ({@code jcmd
 * Thread.print}): a burst of requests creates none (no thread per request), and every thread
 * the agent added is a daemon, named {@code baton-*} or one of the export pipeline's threads
 * listed in {@link #EXPORT_PIPELINE}.
 */
class AgentThreadsTest extends WithReceiver {

  private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\" (?:#\\d+ )?(?:\\[\\d+\\] )?(daemon )?", Pattern.MULTILINE);

  /**
   * Threads the OTLP exporter's OkHttp starts itself under its own names (its task runner,
   * connection pool and Okio's watchdog); OkHttp offers no thread factory for them. The span
   * export worker ({@code baton-span-export}) and OkHttp's dispatcher ({@code baton-otlp-exporter})
   * are the agent's own. They must all be daemons.
   */
  private static final Pattern EXPORT_PIPELINE = Pattern.compile("OkHttp .*|Okio Watchdog");

  record JvmThread(String name, boolean daemon) {}

  @Test
  void noThreadPerRequestAndAgentThreadsAreDaemonsNamedBaton() throws Exception {
    List<JvmThread> withoutAgent;
    try (DemoService plain = DemoService.start(Jdk.current(), List.of(), Map.of())) {
      burst(plain, 20);
      withoutAgent = threads(plain);
    }
    try (DemoService demo = DemoService.start(
        Jdk.current(), DemoService.withAgent(DemoService.otlpSettings(receiver, "threads")), Map.of())) {
      burst(demo, 20);
      int before = threads(demo).size();
      burst(demo, 300);
      List<JvmThread> after = threads(demo);
      assertThat(after.size()).as("threads after 300 more requests").isLessThanOrEqualTo(before + 2);

      List<String> plainNames = withoutAgent.stream().map(t -> generic(t.name())).toList();
      List<JvmThread> added = new ArrayList<>();
      for (JvmThread thread : after) {
        if (!plainNames.contains(generic(thread.name()))) {
          added.add(thread);
        }
      }
      assertThat(added).as("threads the agent added").isNotEmpty()
          .allSatisfy(t -> assertThat(t.daemon()).as("%s is a daemon", t.name()).isTrue())
          .allSatisfy(t -> assertThat(t.name()).as("agent thread name")
              .matches(n -> n.startsWith("baton-") || EXPORT_PIPELINE.matcher(n).matches()));
    }
  }

  private static void burst(DemoService demo, int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
    }
  }

  /** Pool threads differ only by their number. */
  private static String generic(String name) {
    return name.replaceAll("\\d+", "#");
  }

  private static List<JvmThread> threads(DemoService demo) throws Exception {
    Process jcmd = new ProcessBuilder(
        Jdk.current().home().resolve("bin").resolve("jcmd").toString(),
        String.valueOf(demo.process().pid()), "Thread.print")
        .redirectErrorStream(true).start();
    String dump = new String(jcmd.getInputStream().readAllBytes());
    assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<JvmThread> threads = new ArrayList<>();
    Matcher matcher = THREAD.matcher(dump);
    while (matcher.find()) {
      threads.add(new JvmThread(matcher.group(1), matcher.group(2) != null));
    }
    assertThat(threads).as(dump).isNotEmpty();
    return threads;
  }
}
