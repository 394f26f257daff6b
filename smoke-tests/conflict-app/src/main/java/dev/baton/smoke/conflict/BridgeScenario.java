package dev.baton.smoke.conflict;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The application's own use of the OpenTelemetry API inside a request the agent traces: a
 * servlet reads the current span, starts a manual span through {@code GlobalOpenTelemetry} and
 * one with the application's own SDK instance, and calls {@code /downstream} inside each.
 *
 * <p>Prints {@code bridge.*} lines (ids as the application sees them); the test matches them
 * against what the agent exported.
 */
final class BridgeScenario {

  private final OpenTelemetry ownSdk;
  private final BiConsumer<String, String> print;

  BridgeScenario(OpenTelemetry ownSdk, BiConsumer<String, String> print) {
    this.ownSdk = ownSdk;
    this.print = print;
  }

  void run() throws Exception {
    File base = Files.createTempDirectory("conflict-tomcat").toFile();
    base.deleteOnExit();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "work", new WorkServlet());
    context.addServletMappingDecoded("/work", "work");
    Tomcat.addServlet(context, "downstream", new DownstreamServlet());
    context.addServletMappingDecoded("/downstream", "downstream");
    tomcat.start();
    try {
      int port = tomcat.getConnector().getLocalPort();
      print.accept("bridge.response", requestFromOutside(port, "/work"));
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  /** Traffic from outside the service: a plain socket, so the SERVER span is the trace's root. */
  private static String requestFromOutside(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nbaggage: inbound=from-outside\r\n"
          + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return response.substring(0, response.indexOf("\r\n"));
    }
  }

  private final class WorkServlet extends HttpServlet {
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String downstream = "http://127.0.0.1:" + request.getLocalPort() + "/downstream";
      Span server = Span.current();
      print.accept("bridge.current.trace", server.getSpanContext().getTraceId());
      print.accept("bridge.current.span", server.getSpanContext().getSpanId());

      Span manual = GlobalOpenTelemetry.getTracer("conflict-app").spanBuilder("manual-work")
          .setAttribute("app.attribute", "from the application")
          .startSpan();
      try (Scope ignored = manual.makeCurrent()) {
        print.accept("bridge.manual.span", manual.getSpanContext().getSpanId());
        print.accept("bridge.manual.current", Span.current().getSpanContext().getSpanId());
        manual.addEvent("manual-event", Attributes.of(AttributeKey.longKey("app.count"), 3L));
        manual.recordException(new IllegalStateException("recorded by the application"));
        manual.setStatus(StatusCode.ERROR, "manual status");
        call(downstream + "?from=manual");
        print.accept("bridge.baggage.inbound", Baggage.current().getEntryValue("inbound"));
        // Baggage the application adds travels with the agent's propagation.
        try (Scope withBaggage = Baggage.current().toBuilder().put("app.tenant", "t1").build().makeCurrent()) {
          print.accept("bridge.okhttp.status", String.valueOf(LibraryChecks.okhttpGet(downstream + "?from=okhttp")));
        }

        Span own = ownSdk.getTracer("conflict-app-own-sdk").spanBuilder("own-sdk-work").startSpan();
        try (Scope ownScope = own.makeCurrent()) {
          print.accept("bridge.own.span", own.getSpanContext().getSpanId());
          print.accept("bridge.own.current.same", String.valueOf(Span.current() == own));
          call(downstream + "?from=own-sdk");
        } finally {
          own.end();
        }
      } finally {
        manual.end();
      }
      response.setContentType("text/plain");
      response.getWriter().write("worked");
    }

    private void call(String url) throws IOException {
      try {
        HttpResponse<String> result = client.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        print.accept("bridge.downstream.status", String.valueOf(result.statusCode()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  private final class DownstreamServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      print.accept("bridge.downstream.baggage." + request.getParameter("from"), String.valueOf(request.getHeader("baggage")));
      response.setContentType("text/plain");
      response.getWriter().write("downstream");
    }
  }
}
