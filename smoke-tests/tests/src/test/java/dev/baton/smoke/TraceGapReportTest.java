package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import dev.baton.testing.TraceGapReport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace gap report finds the call that lost its trace: the demo service hands N traced
 * requests' downstream calls to a hand-made executor (the trace is lost) and N to a JDK executor
 * (the trace is kept). The report, read over JMX while the service runs and from the file it
 * writes at shutdown, names exactly the losing call site, with count N, and nothing else.
 */
class TraceGapReportTest extends WithReceiver {

  static final int N = 12;
  static final String LOST_METHOD = "dev.baton.smoke.demo.HandOffServlet.callFromHandMadeWorker";

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void theReportNamesTheLosingCallSiteOnly(Jdk jdk, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("trace-gaps.txt");
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, "gaps-" + jdk));
    settings.add("-Dbaton.gaps.report-file=" + file);
    String overJmx;
    String stderr;
    try (DemoService demo = DemoService.start(jdk, DemoService.withAgent(settings), Map.of())) {
      String keptTrace = null;
      for (int i = 0; i < N; i++) {
        call(demo, "/handoff/lost", randomTraceId());
        keptTrace = randomTraceId();
        call(demo, "/handoff/kept", keptTrace);
      }
      // the healthy path really kept its trace: the downstream request's SERVER span joined it
      String kept = keptTrace;
      assertThat(receiver.await(s -> s.traceId().equals(kept) && s.name().equals("GET /downstream"),
          1, Duration.ofSeconds(30))).hasSize(1);
      overJmx = reportOverJmx(demo.process().pid());
      stderr = demo.process().stderr();
    }
    String expectedSite = LOST_METHOD + ":" + callSiteLine();
    for (String report : List.of(overJmx, Files.readString(file, StandardCharsets.UTF_8))) {
      List<String[]> sites = report.lines().filter(line -> !line.startsWith("#"))
          .map(line -> line.split("\t")).collect(Collectors.toList());
      assertThat(sites).as(report).hasSize(1);
      String[] site = sites.get(0);
      assertThat(site[0]).as(report).isEqualTo(expectedSite);
      assertThat(site[1]).isEqualTo("java-http-client");
      assertThat(site[2]).as("count").isEqualTo(String.valueOf(N));
      assertThat(site[4]).as("likely cause").contains("dev.baton.smoke.demo.HandMadeExecutor.work")
          .contains("does not instrument");
      assertThat(report).doesNotContain("callFromJdkPool").contains("# total " + N + " ");
    }
    List<String> logged = stderr.lines().filter(line -> line.contains("trace gap:")).collect(Collectors.toList());
    assertThat(logged).as(stderr).hasSize(1);
    assertThat(logged.get(0)).startsWith("[baton] INFO").contains(expectedSite);
  }

  private static void call(DemoService demo, String path, String traceId) throws Exception {
    HttpResponse<String> response =
        demo.get(path, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("downstream said 200");
  }

  private static String randomTraceId() {
    return String.format("%016x%016x", ThreadLocalRandom.current().nextLong() | 1,
        ThreadLocalRandom.current().nextLong());
  }

  /** The line the demo service marks as its losing call, read from its source. */
  private static int callSiteLine() throws Exception {
    Path source = Artifacts.demoJar().getParent().getParent()
        .resolve("src/main/java/dev/baton/smoke/demo/HandOffServlet.java");
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// trace gap call site")) {
        return i + 1;
      }
    }
    throw new AssertionError("no marked call site in " + source);
  }

  /** The MBean's report, through the service's local JMX agent (started over the attach API). */
  private static String reportOverJmx(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      return TraceGapReport.read(connector.getMBeanServerConnection());
    }
  }
}
