package dev.baton.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real one-node Kafka broker (KRaft, broker and controller in one process) in its own JVM, on
 * 127.0.0.1 with ephemeral ports: its own JVM because the test JVM carries the agent (which
 * would trace the broker) and a client of another version than the broker's.
 *
 * <p>The broker's class path comes from a file that a Maven module writes with {@code
 * dependency:build-classpath} ({@code smoke-tests/library-tests/kafka-broker-*}). {@link #shared}
 * starts one broker per JVM, for every test class that needs it, and stops it when the JVM exits.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The system property naming the class path file of the broker to start. */
  public static final String CLASSPATH_PROPERTY = "baton.kafka.broker.classpath";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static KafkaBroker shared;

  private final Process process;
  private final Path directory;
  private final int port;

  private KafkaBroker(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /** The broker of this JVM, started on first use from {@code baton.kafka.broker.classpath}. */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      String classpathFile = System.getProperty(CLASSPATH_PROPERTY);
      if (classpathFile == null) {
        throw new IllegalStateException(CLASSPATH_PROPERTY + " is not set: run through Maven");
      }
      // Ports are free when chosen, not reserved: another process can take one before the broker
      // binds it. A second and third attempt, with new ports, make that race harmless.
      Exception failure = null;
      for (int attempt = 0; attempt < 3 && shared == null; attempt++) {
        try {
          shared = start(Path.of(classpathFile));
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (shared == null) {
        throw new IllegalStateException("cannot start the Kafka broker", failure);
      }
      KafkaBroker broker = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
    }
    return shared;
  }

  /** Formats a fresh log directory and starts a broker; returns when it accepts connections. */
  public static KafkaBroker start(Path classpathFile) throws IOException, InterruptedException {
    String classpath = Files.readString(classpathFile).trim();
    Path directory = Files.createTempDirectory("kafka-broker");
    int[] ports = ChildProcesses.freePorts(2);
    int port = ports[0];
    int controllerPort = ports[1];
    Path config = directory.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + directory.resolve("logs"),
        "num.partitions=1",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        // The 128 MiB default does not fit the small heap.
        "log.cleaner.dedupe.buffer.size=4194304",
        ""), StandardCharsets.UTF_8);
    Path log = directory.resolve("broker.log");
    run(java(classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
        directory.resolve("format.log"));
    ProcessBuilder broker = new ProcessBuilder(java(classpath, "kafka.Kafka", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process process = broker.start();
    KafkaBroker started = new KafkaBroker(process, directory, port);
    started.awaitListening(log);
    return started;
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    ChildProcesses.stop(process);
    deleteQuietly(directory);
  }

  private void awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited: " + tail(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("the Kafka broker did not listen within " + START_TIMEOUT + ": " + tail(log));
  }

  private static List<String> java(String classpath, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Djava.net.preferIPv4Stack=true",
        "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("formatting the Kafka log directory failed: " + tail(log));
    }
  }

  /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
  private static String clusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: the system cleans up what is left
    }
  }
}
