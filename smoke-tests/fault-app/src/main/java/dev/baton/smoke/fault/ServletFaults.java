package dev.baton.smoke.fault;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A servlet that throws, behind the application's own filter that catches what comes out of the
 * chain: the filter must get the servlet's exception itself (the agent's SERVER span sits in
 * between, on Filter.doFilter and Servlet.service).
 */
final class ServletFaults {

  private final FaultReport report;

  ServletFaults(FaultReport report) {
    this.report = report;
  }

  void run() throws Exception {
    File base = Files.createTempDirectory("fault-tomcat").toFile();
    base.deleteOnExit();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "runtime", new ThrowingServlet(false));
    context.addServletMappingDecoded("/runtime", "runtime");
    Tomcat.addServlet(context, "checked", new ThrowingServlet(true));
    context.addServletMappingDecoded("/checked", "checked");
    FilterDef filter = new FilterDef();
    filter.setFilterName("catching");
    filter.setFilter(new CatchingFilter());
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("catching");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    tomcat.start();
    try {
      int port = tomcat.getConnector().getLocalPort();
      report.replace(String.valueOf(port), "TOMCAT_PORT");
      get(port, "/runtime");
      get(port, "/checked");
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  private static void get(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      in.readAllBytes();
    }
  }

  private final class CatchingFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException {
      String path = ((HttpServletRequest) request).getRequestURI();
      try {
        chain.doFilter(request, response);
        report.print("servlet" + path, null);
      } catch (Exception e) {
        report.print("servlet" + path, e);
        ((HttpServletResponse) response).setStatus(500);
      }
    }
  }

  private static final class ThrowingServlet extends HttpServlet {
    private final boolean checked;

    ThrowingServlet(boolean checked) {
      this.checked = checked;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
      IllegalArgumentException root = new IllegalArgumentException("bad order id 42");
      if (checked) {
        throw new ServletException("order lookup failed", root);
      }
      throw new IllegalStateException("order service broken", root);
    }
  }
}
