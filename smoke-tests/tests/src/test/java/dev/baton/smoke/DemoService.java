package dev.baton.smoke;

import dev.baton.testing.OtlpReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo service (servlet on Tomcat + java.net.http client) in its own JVM; also starts the
 * demo jar's Kafka consumer.
 */
public final class DemoService implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DEMO-SERVICE LISTENING port=(\\d+)");
  private static final Pattern CONSUMER_READY = Pattern.compile("CONSUMER READY");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ServiceProcess process;
  private final int port;

  private DemoService(ServiceProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Agent settings a test exporting to an OTLP receiver uses: quick, small batches. */
  public static List<String> otlpSettings(OtlpReceiver receiver, String serviceName) {
    return List.of(
        "-Dotel.service.name=" + serviceName,
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
        "-Dotel.bsp.schedule.delay=50");
  }

  public static List<String> withAgent(List<String> settings) {
    List<String> args = new ArrayList<>();
    args.add("-javaagent:" + Artifacts.agentJar());
    args.addAll(settings);
    return args;
  }

  public static DemoService start(Jdk jdk, List<String> jvmArgs, Map<String, String> env)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("-Xmx128m"));
    args.addAll(jvmArgs);
    args.add("-jar");
    args.add(Artifacts.demoJar().toString());
    ServiceProcess process = ServiceProcess.start("demo-" + jdk, ServiceProcess.java(jdk, args), env);
    try {
      int port = Integer.parseInt(process.awaitStdout(LISTENING, Duration.ofSeconds(60)));
      return new DemoService(process, port);
    } catch (Throwable t) {
      process.close();
      throw t;
    }
  }

  /**
   * The demo jar's Kafka consumer ({@code dev.baton.smoke.demo.ConsumerService}) in its own JVM,
   * returned once it has partitions assigned.
   */
  public static ServiceProcess startConsumer(Jdk jdk, List<String> jvmArgs, Map<String, String> env)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("-Xmx128m"));
    args.addAll(jvmArgs);
    args.addAll(List.of("-cp", Artifacts.demoJar().toString()));
    ServiceProcess process = ServiceProcess.start("consumer-" + jdk,
        ServiceProcess.java(jdk, args, "dev.baton.smoke.demo.ConsumerService"), env);
    try {
      process.awaitStdout(CONSUMER_READY, Duration.ofSeconds(90));
      return process;
    } catch (Throwable t) {
      process.close();
      throw t;
    }
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public int port() {
    return port;
  }

  public ServiceProcess process() {
    return process;
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
