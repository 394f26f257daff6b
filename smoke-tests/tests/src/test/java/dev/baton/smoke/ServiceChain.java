package dev.baton.smoke;

import dev.baton.testing.Postgres;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The three chain services ({@code smoke-tests/chain}) in their own JVMs, each with only the agent
 * attached: A (Tomcat 11, jakarta) → B (Undertow 2.2, javax) → Kafka → C (poll loop, HikariCP to
 * PostgreSQL); each also calls the stub. B and C start side by side; A starts as soon as B's port
 * is known.
 */
final class ServiceChain implements AutoCloseable {

  /** Bounded but generous: three JVMs start at once on a loaded two-core machine. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern A_LISTENING = Pattern.compile("SERVICE-A LISTENING port=(\\d+)");
  private static final Pattern B_LISTENING = Pattern.compile("SERVICE-B LISTENING port=(\\d+)");
  private static final Pattern C_READY = Pattern.compile("SERVICE-C READY");

  private final List<ServiceProcess> services;
  private final int edgePort;

  private ServiceChain(List<ServiceProcess> services, int edgePort) {
    this.services = services;
    this.edgePort = edgePort;
  }

  /**
   * @param settings agent settings for all three services ({@code otel.service.name} is added:
   *     {@code service-a}, {@code service-b}, {@code service-c})
   * @param topic the topic B writes and C reads (and C's consumer group): one per run
   */
  static ServiceChain start(Jdk jdk, AgentAttach attach, Map<String, String> settings, String stubUrl,
      String kafkaBootstrap, String topic) throws Exception {
    List<ServiceProcess> started = new ArrayList<>();
    CompletableFuture<ServiceProcess> c = null;
    try {
      c = CompletableFuture.supplyAsync(() -> launch("service-c", jdk, attach,
          settings, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap, "KAFKA_TOPIC", topic, "KAFKA_GROUP", topic,
              "DB_URL", Postgres.URL, "DB_USER", Postgres.USER, "STUB_URL", stubUrl)));
      ServiceProcess b = launch("service-b", jdk, attach, settings,
          Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap, "KAFKA_TOPIC", topic, "STUB_URL", stubUrl));
      started.add(b);
      String bPort = b.awaitStdout(B_LISTENING, START_TIMEOUT);
      ServiceProcess a = launch("service-a", jdk, attach, settings,
          Map.of("SERVICE_B_URL", "http://127.0.0.1:" + bPort, "STUB_URL", stubUrl));
      started.add(a);
      int edgePort = Integer.parseInt(a.awaitStdout(A_LISTENING, START_TIMEOUT));
      ServiceProcess consumer = join(c);
      started.add(consumer);
      consumer.awaitStdout(C_READY, START_TIMEOUT);
      return new ServiceChain(List.copyOf(started), edgePort);
    } catch (Throwable failure) {
      ServiceProcess consumer = c == null ? null : c.exceptionally(e -> null).join();
      if (consumer != null && !started.contains(consumer)) {
        started.add(consumer);
      }
      for (ServiceProcess service : started) {
        service.close();
      }
      throw failure;
    }
  }

  private static ServiceProcess launch(String service, Jdk jdk, AgentAttach attach, Map<String, String> settings,
      Map<String, String> serviceEnv) {
    Map<String, String> agentSettings = new LinkedHashMap<>(settings);
    agentSettings.put("otel.service.name", service);
    // Small services, three at a time on two cores: one GC thread and the quick compiler only.
    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    Map<String, String> env = new HashMap<>(serviceEnv);
    attach.apply(agentSettings, jvmArgs, env);
    jvmArgs.add("-jar");
    jvmArgs.add(jar(service).toString());
    try {
      return ServiceProcess.start(service + "-" + jdk, ServiceProcess.java(jdk, jvmArgs), env);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private static ServiceProcess join(CompletableFuture<ServiceProcess> launching) throws Exception {
    try {
      return launching.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The runnable jar of a chain service, built by {@code smoke-tests/chain/<service>}. */
  private static Path jar(String service) {
    String chainDir = System.getProperty("baton.chain.dir");
    if (chainDir == null) {
      throw new IllegalStateException("baton.chain.dir is not set (run through Maven: mvn verify)");
    }
    return Paths.get(chainDir, service, "target", service + ".jar").toAbsolutePath().normalize();
  }

  /** Service A's port: where the edge request goes. */
  int edgePort() {
    return edgePort;
  }

  /** B, A, C: in the order they were started. */
  List<ServiceProcess> services() {
    return services;
  }

  @Override
  public void close() throws Exception {
    for (ServiceProcess service : services) {
      service.close();
    }
  }
}
