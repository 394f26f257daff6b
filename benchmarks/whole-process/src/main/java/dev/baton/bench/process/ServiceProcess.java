package dev.baton.bench.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One launch of the bench service in its own JVM, on a free loopback port. */
final class ServiceProcess implements AutoCloseable {

  /** The same for every variant; the heap is capped so that runs compare on equal terms. */
  static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-Dotel.service.name=bench-service");

  final Process process;
  final int port;
  final long startNanos;

  private ServiceProcess(Process process, int port, long startNanos) {
    this.process = process;
    this.port = port;
    this.startNanos = startNanos;
  }

  static ServiceProcess start(Variant variant, Path serviceJar, String kafka, Path log) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    if (variant.agentJar() != null) {
      command.add("-javaagent:" + variant.agentJar().toAbsolutePath());
    }
    command.addAll(variant.properties());
    command.addAll(List.of("-jar", serviceJar.toAbsolutePath().toString(), Integer.toString(port), kafka));
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServiceProcess(process, port, start);
  }

  /** Seconds from the JVM's launch to the first {@code GET /api} answered with 200. */
  double awaitFirstRequest() throws InterruptedException {
    long deadline = startNanos + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      if (HttpProbe.get(port, "/api", 30_000) != null) {
        return (System.nanoTime() - startNanos) / 1e9;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the service answered no request within 300 s");
  }

  Stats stats(boolean collectFirst) {
    String line = HttpProbe.get(port, collectFirst ? "/stats?gc=1" : "/stats", 30_000);
    if (line == null) {
      throw new IllegalStateException("/stats failed");
    }
    return Stats.parse(line);
  }

  /** A value in kB from {@code /proc/<pid>/status}: VmHWM (peak RSS) or VmRSS. */
  long procStatusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
      }
    }
    throw new IOException(field + " not in /proc/" + process.pid() + "/status");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
