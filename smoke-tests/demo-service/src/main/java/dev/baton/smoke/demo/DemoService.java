package dev.baton.smoke.demo;

import java.io.File;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A small service with no tracing code at all: {@code GET /hello} calls a downstream service
 * (the {@code DOWNSTREAM_URL} environment variable or {@code demo.downstream} property, or else
 * its own {@code /downstream}) with {@code java.net.http.HttpClient} and answers with what it got.
 * With {@code KAFKA_BOOTSTRAP_SERVERS} set, {@code GET /produce} sends one record to {@code
 * KAFKA_TOPIC} (default {@code orders}), which {@link ConsumerService} consumes.
 *
 * <p>{@code --demo} starts it, sends two requests to itself (one carrying a {@code traceparent}
 * and {@code baggage}, one without), prints the answers and stops: with the agent and the console
 * exporter attached, the spans of both traces appear on stderr.
 */
public final class DemoService {

  private DemoService() {}

  public static void main(String[] args) throws Exception {
    boolean demo = args.length > 0 && args[0].equals("--demo");
    int port = Integer.parseInt(setting("PORT", "demo.port", "0"));
    Tomcat tomcat = start(port);
    int actualPort = tomcat.getConnector().getLocalPort();
    System.out.println("DEMO-SERVICE LISTENING port=" + actualPort);
    if (!demo) {
      tomcat.getServer().await();
      return;
    }
    try {
      runDemo(actualPort);
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  static Tomcat start(int port) throws Exception {
    File base = Files.createTempDirectory("demo-tomcat").toFile();
    base.deleteOnExit();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    String downstream = setting("DOWNSTREAM_URL", "demo.downstream", null);
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Tomcat.addServlet(context, "hello", new HelloServlet(client, downstream));
    context.addServletMappingDecoded("/hello", "hello");
    Tomcat.addServlet(context, "downstream", new DownstreamServlet());
    context.addServletMappingDecoded("/downstream", "downstream");
    Tomcat.addServlet(context, "secrets", new SecretsServlet(client));
    context.addServletMappingDecoded("/secrets", "secrets");
    Tomcat.addServlet(context, "fail", new FailingServlet());
    context.addServletMappingDecoded("/fail", "fail");
    Tomcat.addServlet(context, "async", new SlowAsyncServlet()).setAsyncSupported(true);
    context.addServletMappingDecoded("/async", "async");
    Tomcat.addServlet(context, "handoff", new HandOffServlet(client));
    context.addServletMappingDecoded("/handoff/*", "handoff");
    String kafka = setting("KAFKA_BOOTSTRAP_SERVERS", "demo.kafka.bootstrap", null);
    if (kafka != null) {
      Tomcat.addServlet(context, "produce", new ProduceServlet(kafka, kafkaTopic()));
      context.addServletMappingDecoded("/produce", "produce");
    }
    tomcat.start();
    return tomcat;
  }

  /**
   * The demo's two requests stand for traffic from outside (an ingress, a sidecar), so they are
   * written on a plain socket: what arrives is exactly what is written here.
   */
  private static void runDemo(int port) throws Exception {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    System.out.println("request 1 (traceparent " + traceparent + ", baggage tenant=demo): "
        + get(port, "/hello", "traceparent: " + traceparent + "\r\nbaggage: tenant=demo\r\n"));
    System.out.println("request 2 (no trace headers): " + get(port, "/hello", ""));
  }

  private static String get(int port, String path, String extraHeaders) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int bodyStart = response.indexOf("\r\n\r\n");
      String body = bodyStart < 0 ? response : response.substring(bodyStart + 4);
      // chunked encoding: keep only the printable payload line(s)
      StringBuilder text = new StringBuilder();
      for (String line : body.split("\r\n")) {
        if (!line.matches("[0-9a-fA-F]+")) {
          text.append(line);
        }
      }
      return text.toString();
    }
  }

  static String kafkaTopic() {
    return setting("KAFKA_TOPIC", "demo.kafka.topic", "orders");
  }

  static String setting(String env, String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }
}
