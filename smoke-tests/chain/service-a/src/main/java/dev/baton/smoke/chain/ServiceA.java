package dev.baton.smoke.chain;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Service A, the edge of the chain, with no tracing code: {@code GET /orders?id=...} on a jakarta
 * servlet in embedded Tomcat 11 on 127.0.0.1 (port {@code PORT}, default any). Configured through
 * {@code SERVICE_B_URL} and {@code STUB_URL}. Prints {@code SERVICE-A LISTENING port=N} when ready.
 */
public final class ServiceA {

  private ServiceA() {}

  public static void main(String[] args) throws Exception {
    String serviceB = required("SERVICE_B_URL");
    String stub = required("STUB_URL");
    HttpClient toB = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    OkHttpClient toStub = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);

    File base = Files.createTempDirectory("service-a-tomcat").toFile();
    base.deleteOnExit();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(Integer.parseInt(System.getenv().getOrDefault("PORT", "0")));
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "orders", new OrderServlet(toB, serviceB, toStub, stub, pool));
    context.addServletMappingDecoded("/orders", "orders");
    tomcat.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      pool.shutdown();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "service-a-stop"));
    System.out.println("SERVICE-A LISTENING port=" + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static String required(String name) {
    return Objects.requireNonNull(System.getenv(name), () -> name + " is not set");
  }
}
