package dev.baton.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat (instrumented by the agent like any servlet container) whose one servlet runs
 * the test's handler: the way a client test puts its calls inside a real SERVER span, exactly as a
 * service does.
 */
public final class TracedServer implements AutoCloseable {

  /** What the servlet does; the returned text is the response body. */
  @FunctionalInterface
  public interface Handler {
    String handle(HttpServletRequest request) throws Exception;
  }

  private final Tomcat tomcat;
  private final int port;

  private TracedServer(Tomcat tomcat) {
    this.tomcat = tomcat;
    this.port = tomcat.getConnector().getLocalPort();
  }

  public static TracedServer start(Handler handler) throws Exception {
    File base = Files.createTempDirectory("traced-server").toFile();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "handler", new HandlerServlet(handler));
    context.addServletMappingDecoded("/traced/*", "handler");
    tomcat.start();
    return new TracedServer(tomcat);
  }

  /**
   * Sends {@code GET /traced/call} with the given headers (name, value, name, value, ...), the
   * way an edge proxy would, and returns the body.
   */
  public String call(String... headers) throws Exception {
    EdgeRequest.Response response = EdgeRequest.get(port, "/traced/call", headers);
    if (response.status() != 200) {
      throw new AssertionError("traced server answered " + response.status() + ": " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  private static final class HandlerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Handler handler;

    HandlerServlet(Handler handler) {
      this.handler = handler;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String body;
      try {
        body = handler.handle(request);
      } catch (Exception e) {
        response.setStatus(500);
        body = e.toString();
      }
      response.setContentType("text/plain");
      response.getWriter().print(body);
    }
  }
}
