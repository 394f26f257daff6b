package dev.baton.librarytest.apachehttpclient5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application's class loader (as a servlet container makes one per web application) with its
 * own copy of Apache HttpClient 5, used with the agent attached and then dropped, five times over:
 * each time the instrumentation runs in that loader (a CLIENT span, the context on the wire), and
 * each time the loader is collected. Nothing Baton keeps per class loader (the per-library
 * instrumentation class loader, the class-loader matcher cache, weak identity maps) may pin it.
 */
@ExtendWith(AgentExtension.class)
class ClassLoaderUnloadTest {

  private static final int ROUNDS = 5;

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void applicationClassLoadersAreCollectedAfterUse() throws Exception {
    assumeFalse("false".equals(System.getProperty("otel.instrumentation.apache-httpclient.enabled")),
        "needs the instrumentation (not run in the disabled execution)");
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    String uri = "http://127.0.0.1:" + downstream.getPort() + "/ok";
    URL[] jars = clientJars();
    try (TracedServer server = TracedServer.start(request -> String.valueOf(callInOwnLoader(jars, uri)))) {
      for (int round = 1; round <= ROUNDS; round++) {
        AgentExtension.receiver().clear();
        WeakReference<ClassLoader> loader = useAndDrop(server);
        List<ReceivedSpan> clients = AgentExtension.receiver()
            .await(s -> s.kind().equals("CLIENT"), 1, Duration.ofSeconds(10));
        assertThat(clients.get(0).scopeName()).contains("apache-httpclient");
        List<?> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok")));
        assertThat(requests).hasSize(round);
        assertThat(awaitCollected(loader)).as("class loader of round %d collected", round).isTrue();
      }
    }
  }

  private static WeakReference<ClassLoader> useAndDrop(TracedServer server) throws Exception {
    LAST_LOADER.set(null);
    assertThat(server.call()).isEqualTo("200");
    WeakReference<ClassLoader> loader = new WeakReference<>(LAST_LOADER.get());
    LAST_LOADER.set(null);
    return loader;
  }

  /** Set by the request handler; holds the loader only until the test takes a weak reference. */
  private static final java.util.concurrent.atomic.AtomicReference<ClassLoader> LAST_LOADER =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** HttpClients.createDefault().execute(new HttpGet(uri)), in a loader of its own. */
  private static int callInOwnLoader(URL[] jars, String uri) throws Exception {
    URLClassLoader loader = new URLClassLoader("webapp", jars, ClassLoader.getPlatformClassLoader());
    LAST_LOADER.set(loader);
    try {
      Class<?> clients = loader.loadClass("org.apache.hc.client5.http.impl.classic.HttpClients");
      Class<?> closeable = loader.loadClass("org.apache.hc.client5.http.impl.classic.CloseableHttpClient");
      Class<?> request = loader.loadClass("org.apache.hc.core5.http.ClassicHttpRequest");
      Object get = loader.loadClass("org.apache.hc.client5.http.classic.methods.HttpGet")
          .getConstructor(String.class).newInstance(uri);
      Object client;
      try {
        client = clients.getMethod("createDefault").invoke(null);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw new IllegalStateException("createDefault failed: " + e.getCause(), e.getCause());
      }
      try {
        @SuppressWarnings("deprecation")
        Method execute = closeable.getMethod("execute", request);
        Object response;
        try {
          response = execute.invoke(client, get);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw new IllegalStateException("execute failed: " + e.getCause(), e.getCause());
        }
        int status = (int) response.getClass().getMethod("getCode").invoke(response);
        ((AutoCloseable) response).close();
        return status;
      } finally {
        ((AutoCloseable) client).close();
      }
    } finally {
      loader.close();
    }
  }

  /** Bounded: up to 10 s of GC requests. */
  private static boolean awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return loader.get() == null;
  }

  /** HttpClient 5 and what it needs (httpcore5, httpcore5-h2, slf4j-api), from this class path. */
  private static URL[] clientJars() throws Exception {
    List<URL> jars = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = java.nio.file.Paths.get(entry).getFileName().toString();
      if (name.startsWith("httpclient5-") || name.startsWith("httpcore5") || name.startsWith("slf4j-api-")) {
        jars.add(java.nio.file.Paths.get(entry).toUri().toURL());
      }
    }
    assertThat(jars).hasSizeGreaterThanOrEqualTo(3);
    return jars.toArray(new URL[0]);
  }
}
