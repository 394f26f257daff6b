package dev.baton.smoke;

import dev.baton.testing.FailureDiagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service in its own JVM; its output goes to files under target/service-logs, and its log tail
 * into the report of a failing test ({@link FailureDiagnostics}).
 */
public final class ServiceProcess implements AutoCloseable {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final String name;

  private ServiceProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static ServiceProcess start(String name, List<String> command, Map<String, String> env)
      throws IOException {
    Path logs = Paths.get(System.getProperty("baton.logs.dir", "target/service-logs"));
    Files.createDirectories(logs);
    String base = name + "-" + COUNTER.incrementAndGet();
    Path out = logs.resolve(base + ".out");
    Path err = logs.resolve(base + ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("BATON_"));
    builder.environment().putAll(env);
    Files.writeString(logs.resolve(base + ".cmd"), String.join(" ", command) + "\nenv " + env);
    ServiceProcess process = new ServiceProcess(base, builder.start(), out, err);
    FailureDiagnostics.watchLog(base, process::describe);
    return process;
  }

  /** A java command line: the JDK's launcher, then the given arguments. */
  public static List<String> java(Jdk jdk, List<String> jvmArgs, String... mainArgs) {
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.addAll(jvmArgs);
    command.addAll(List.of(mainArgs));
    return command;
  }

  /** Waits for a line on stdout matching the pattern; returns group 1 (or the whole match). */
  public String awaitStdout(Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(read(stdout));
      if (matcher.find()) {
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + describe());
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + ": no line matching " + pattern + " in " + timeout + "\n" + describe());
  }

  public String awaitStderr(Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(read(stderr));
      if (matcher.find()) {
        return matcher.group();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + ": no stderr line matching " + pattern + "\n" + describe());
  }

  /** Waits for the process to exit by itself. */
  public int awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not exit in " + timeout + "\n" + describe());
    }
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String stdout() throws IOException {
    return read(stdout);
  }

  public String stderr() throws IOException {
    return read(stderr);
  }

  public String describe() {
    try {
      return "--- stdout of " + name + "\n" + tail(read(stdout)) + "--- stderr of " + name + "\n"
          + tail(read(stderr));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String tail(String text) {
    return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
