package dev.baton.smoke.chain;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Properties;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Service B, the middle of the chain, with no tracing code: {@code GET /reserve?id=...} on a
 * javax servlet in embedded Undertow 2.2 on 127.0.0.1 (port {@code PORT}, default any). Configured
 * through {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_TOPIC} and {@code STUB_URL}. Prints
 * {@code SERVICE-B LISTENING port=N} when ready.
 */
public final class ServiceB {

  private ServiceB() {}

  public static void main(String[] args) throws Exception {
    String topic = required("KAFKA_TOPIC");
    String stub = required("STUB_URL");
    KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(required("KAFKA_BOOTSTRAP_SERVERS")));
    CloseableHttpClient toStub = HttpClients.custom()
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
        .build();

    ReserveServlet reserve = new ReserveServlet(producer, topic, toStub, stub);
    DeploymentManager deployment = Servlets.defaultContainer().addDeployment(Servlets.deployment()
        .setClassLoader(ServiceB.class.getClassLoader())
        .setContextPath("/")
        .setDeploymentName("service-b")
        .addServlet(Servlets.servlet("reserve", ReserveServlet.class, new ImmediateInstanceFactory<>(reserve))
            .addMapping("/reserve")));
    deployment.deploy();
    Undertow server = Undertow.builder()
        .addHttpListener(Integer.parseInt(System.getenv().getOrDefault("PORT", "0")), "127.0.0.1")
        .setHandler(deployment.start())
        .build();
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      producer.close();
    }, "service-b-stop"));
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("SERVICE-B LISTENING port=" + port);
    new java.util.concurrent.CountDownLatch(1).await(); // serve until the JVM is stopped
  }

  private static Properties producerConfig(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "service-b");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    return config;
  }

  private static String required(String name) {
    return Objects.requireNonNull(System.getenv(name), () -> name + " is not set");
  }
}
