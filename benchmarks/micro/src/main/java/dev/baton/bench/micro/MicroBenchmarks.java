package dev.baton.bench.micro;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs every micro benchmark with {@code -prof gc} and writes one Markdown table (ns/op, B/op) to
 * {@code benchmarks/results/DATE-micro.md}: the in-process ones once, {@link AdviceBenchmark} in
 * three forked JVMs (no agent; Baton, export off; Baton forward mode).
 *
 * <p>Options: {@code --agent JAR} (default {@code agent/target/baton-agent.jar}), {@code --results
 * DIR}, {@code --quick} (1 fork, 3 × 1 s warm-up, 3 × 1 s measured), {@code --part in-process}
 * or {@code --part advice} for one half.
 */
public final class MicroBenchmarks {

  private MicroBenchmarks() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String agent = "agent/target/baton-agent.jar";
    Path results = Path.of("benchmarks/results");
    String part = "all";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--agent" -> agent = args[++i];
        case "--results" -> results = Path.of(args[++i]);
        case "--part" -> part = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String agentArg = "-javaagent:" + Path.of(agent).toAbsolutePath();
    List<String[]> rows = new ArrayList<>();

    if (!part.equals("advice")) {
      collect(rows, "no agent", new Runner(options(quick)
          .include("\\.(SpanBenchmark|PropagatorBenchmark|ContextHandOffBenchmark)\\.").build()).run());
    }
    String[][] jvms = {
      {"no agent"},
      {"Baton, export off", agentArg, "-Dotel.traces.exporter=none"},
      {"Baton forward mode", agentArg, "-Dbaton.mode=forward"},
    };
    for (String[] jvm : part.equals("in-process") ? new String[0][] : jvms) {
      ChainedOptionsBuilder options = options(quick).include("\\.AdviceBenchmark\\.");
      if (jvm.length > 1) {
        options.jvmArgsAppend(java.util.Arrays.copyOfRange(jvm, 1, jvm.length));
      }
      collect(rows, jvm[0], new Runner(options.build()).run());
    }

    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "JMH micro benchmarks, %s, %d cores, %s %s%s; -prof gc.%n%n| Benchmark | Parameters | JVM | ns/op | B/op |%n|---|---|---|---|---|%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), quick ? " — QUICK MODE (short iterations)" : ""));
    for (String[] row : rows) {
      table.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    Files.createDirectories(results);
    Path file = results.resolve(LocalDate.now() + (quick ? "-quick" : "") + "-micro.md");
    Files.writeString(file, table, StandardCharsets.UTF_8);
    System.out.println(table);
    System.out.println("written to " + file);
  }

  private static ChainedOptionsBuilder options(boolean quick) {
    return new OptionsBuilder()
        .mode(Mode.AverageTime)
        .timeUnit(TimeUnit.NANOSECONDS)
        .forks(quick ? 1 : 2)
        .warmupIterations(quick ? 3 : 5)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .jvmArgs("-Xmx512m")
        .addProfiler(GCProfiler.class);
  }

  private static void collect(List<String[]> rows, String jvm, Collection<RunResult> results) {
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      Map<String, Result> secondary = run.getSecondaryResults();
      Result<?> bytes = secondary.get("gc.alloc.rate.norm");
      if (bytes == null) {
        bytes = secondary.get("·gc.alloc.rate.norm");
      }
      String name = run.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      List<String> params = new ArrayList<>();
      for (String key : run.getParams().getParamsKeys()) {
        params.add(key + "=" + run.getParams().getParam(key));
      }
      rows.add(new String[] {
        name, String.join(", ", params), jvm,
        String.format(Locale.ROOT, "%.1f ± %.1f", primary.getScore(), primary.getScoreError()),
        bytes == null ? "—" : String.format(Locale.ROOT, "%.0f", bytes.getScore())
      });
    }
  }
}
