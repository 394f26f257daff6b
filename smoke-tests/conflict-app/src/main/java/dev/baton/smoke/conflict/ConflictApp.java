package dev.baton.smoke.conflict;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that bundles its own, unrelocated OpenTelemetry API and SDK, Byte Buddy, ASM, SLF4J
 * with a logging backend, OkHttp and a Kafka client, of versions different from the agent's (the
 * versions come from the module that builds it: conflict-app or conflict-app-new). With the agent
 * attached it must still see and use its own versions (DESIGN.md rule 2, "Isolation"), and its
 * use of the OpenTelemetry API must join the agent's trace ({@link BridgeScenario}).
 *
 * <p>Prints one {@code key=value} line per check to stdout, then {@code CONFLICT-APP OK} and exits 0,
 * or {@code CONFLICT-APP FAILED: <reason>} and exits 1.
 */
public final class ConflictApp {

  private static final AttributeKey<String> TELEMETRY_SDK_VERSION =
      AttributeKey.stringKey("telemetry.sdk.version");
  private static final String BYTEBUDDY_POM_PROPERTIES =
      "META-INF/maven/net.bytebuddy/byte-buddy/pom.properties";

  private final List<String> failures = new ArrayList<>();
  private final ClassLoader appLoader = ConflictApp.class.getClassLoader();
  private final Properties expected;

  private ConflictApp(Properties expected) {
    this.expected = expected;
  }

  public static void main(String[] args) {
    Properties expected = new Properties();
    try {
      expected = loadProperties(ConflictApp.class.getClassLoader(), "conflict-app-expected.properties");
    } catch (Throwable t) {
      t.printStackTrace();
    }
    ConflictApp app = new ConflictApp(expected);
    if (expected.isEmpty()) {
      app.failures.add("conflict-app-expected.properties missing from the application jar");
    }
    app.run();
    List<String> failures = app.failures;
    if (failures.isEmpty()) {
      System.out.println("CONFLICT-APP OK");
      System.out.flush();
      System.exit(0);
    } else {
      System.out.println("CONFLICT-APP FAILED: " + String.join("; ", failures));
      System.out.flush();
      System.exit(1);
    }
  }

  private void run() {
    section("slf4j logging", this::logThroughApplicationLogging);
    section("opentelemetry sdk", this::checkOpenTelemetry);
    section("bridge scenario", this::runBridgeScenario);
    section("byte buddy", this::checkByteBuddy);
    section("slf4j binding", this::checkSlf4jBinding);
    section("asm, okhttp, kafka", this::checkOtherLibraries);
    section("spans exported", this::checkSpansExported);
  }

  // --- SLF4J / Logback -------------------------------------------------------------------------

  private void logThroughApplicationLogging() {
    Logger log = LoggerFactory.getLogger(ConflictApp.class);
    log.info("logged through the application's logging");
    System.out.flush();
  }

  private void checkSlf4jBinding() throws Exception {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    String binding = factory.getClass().getName();
    print("slf4j.binding", binding);
    expect("slf4j.binding", binding, expected.getProperty("slf4j.binding"));
    String slf4jVersion = LibraryChecks.pomVersion(LoggerFactory.class, "org.slf4j", "slf4j-api");
    print("slf4j.version", slf4jVersion);
    expect("slf4j.version", slf4jVersion, expected.getProperty("slf4j.version"));
    sameLoader("org.slf4j.LoggerFactory", LoggerFactory.class);
    sameLoader(binding, factory.getClass());
  }

  // --- OpenTelemetry ---------------------------------------------------------------------------

  private InMemorySpanExporter exporter;
  private OpenTelemetrySdk sdk;

  private void checkOpenTelemetry() {
    String sdkVersion = Resource.getDefault().getAttribute(TELEMETRY_SDK_VERSION);
    print("otel.sdk.version", sdkVersion);
    expect("otel.sdk.version", sdkVersion, expected.getProperty("otel.sdk.version"));

    ClassLoader apiLoader = GlobalOpenTelemetry.class.getClassLoader();
    print("otel.api.class.loader", String.valueOf(apiLoader));
    if (apiLoader == null) {
      fail("GlobalOpenTelemetry was loaded by the bootstrap class loader, not the application's");
    } else if (apiLoader != appLoader) {
      fail("GlobalOpenTelemetry was loaded by " + apiLoader + ", not the application's " + appLoader);
    }
    sameLoader("io.opentelemetry.sdk.OpenTelemetrySdk", OpenTelemetrySdk.class);

    exporter = InMemorySpanExporter.create();
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    // The application registers its own SDK as the global; must not throw with the agent
    // attached (the agent keeps the global: the next line shows whose it is).
    GlobalOpenTelemetry.set(sdk);
    print("otel.global", GlobalOpenTelemetry.get().getClass().getName());

    // The application's own SDK instance, used directly, still exports to its own exporter.
    Tracer tracer = sdk.getTracer("dev.baton.smoke.conflict");
    Span span = tracer.spanBuilder("conflict-app-span").startSpan();
    span.setAttribute("app", "conflict-app");
    span.end();
  }

  private void runBridgeScenario() throws Exception {
    new BridgeScenario(sdk, ConflictApp::print).run();
  }

  private void checkSpansExported() {
    if (exporter == null) {
      print("app.spans.exported", "0");
      fail("the in-memory exporter was never created");
      return;
    }
    sdk.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
    List<SpanData> spans = exporter.getFinishedSpanItems();
    print("app.spans.exported", String.valueOf(spans.size()));
    SpanData direct = spanNamed(spans, "conflict-app-span");
    SpanData inRequest = spanNamed(spans, "own-sdk-work");
    // Two with the bridge; without it (forward mode, bridge switched off) the global is the
    // application's SDK, which then records manual-work too.
    if (direct == null || inRequest == null) {
      fail("expected conflict-app-span and own-sdk-work in the application's own exporter, got " + spans);
      return;
    }
    String spanSdkVersion = direct.getResource().getAttribute(TELEMETRY_SDK_VERSION);
    expect("exported span telemetry.sdk.version", spanSdkVersion, expected.getProperty("otel.sdk.version"));
    print("bridge.own.trace", inRequest.getTraceId());
    print("bridge.own.parent", inRequest.getParentSpanId());
  }

  private static SpanData spanNamed(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
  }

  // --- Byte Buddy ------------------------------------------------------------------------------

  private void checkByteBuddy() throws Exception {
    String version = ByteBuddy.class.getPackage().getImplementationVersion();
    if (version == null) {
      ClassLoader loader = ByteBuddy.class.getClassLoader();
      Properties pom = loadProperties(loader, BYTEBUDDY_POM_PROPERTIES);
      version = pom.getProperty("version");
    }
    print("bytebuddy.version", version);
    expect("bytebuddy.version", version, expected.getProperty("bytebuddy.version"));
    sameLoader("net.bytebuddy.ByteBuddy", ByteBuddy.class);

    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(named("toString"))
            .intercept(FixedValue.value("hello from bytebuddy"))
            .make()
            .load(appLoader)
            .getLoaded();
    String result = generated.getDeclaredConstructor().newInstance().toString();
    print("bytebuddy.result", result);
    expect("bytebuddy.result", result, "hello from bytebuddy");
  }

  // --- ASM, OkHttp, Kafka clients --------------------------------------------------------------

  private void checkOtherLibraries() throws Exception {
    String asm = LibraryChecks.asmNewestClassFile();
    print("asm.newest.classfile", asm);
    expect("asm.newest.classfile", asm, expected.getProperty("asm.newest.classfile"));
    sameLoader("org.objectweb.asm.ClassWriter", org.objectweb.asm.ClassWriter.class);
    String asmResult = LibraryChecks.asmResult(appLoader);
    print("asm.result", asmResult);
    expect("asm.result", asmResult, "hello from asm");

    String okhttp = LibraryChecks.okhttpVersion();
    print("okhttp.version", okhttp);
    expect("okhttp.version", okhttp, expected.getProperty("okhttp.version"));
    sameLoader("okhttp3.OkHttpClient", okhttp3.OkHttpClient.class);

    String kafka = LibraryChecks.kafkaVersion();
    print("kafka.version", kafka);
    expect("kafka.version", kafka, expected.getProperty("kafka.version"));
    sameLoader("org.apache.kafka.clients.producer.KafkaProducer", org.apache.kafka.clients.producer.KafkaProducer.class);
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String sent = LibraryChecks.kafkaSendToNoBroker(closedPort);
    print("kafka.send.no-broker", sent);
    expect("kafka.send.no-broker", sent, "org.apache.kafka.common.errors.TimeoutException");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private interface Check {
    void run() throws Exception;
  }

  private void section(String name, Check check) {
    try {
      check.run();
    } catch (Throwable t) {
      System.out.flush();
      System.err.println("conflict-app: " + name + " failed with:");
      t.printStackTrace();
      System.err.flush();
      fail(name + " threw " + t);
    }
  }

  private void sameLoader(String what, Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader != appLoader) {
      fail(what + " was loaded by " + loader + ", not the application's " + appLoader);
    }
  }

  private void expect(String key, String actual, String wanted) {
    if (wanted == null || !wanted.equals(actual)) {
      fail(key + " is " + actual + ", expected " + wanted);
    }
  }

  private void fail(String reason) {
    failures.add(reason);
  }

  private static void print(String key, String value) {
    System.out.println(key + "=" + value);
    System.out.flush();
  }

  private static Properties loadProperties(ClassLoader loader, String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource not found: " + resource);
      }
      properties.load(in);
    }
    return properties;
  }
}
