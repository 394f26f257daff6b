package dev.baton.librarytest.jetty11;

import dev.baton.testing.servlet.Deployment;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 11 (jakarta.servlet 5) with its servlet context handler. */
final class Jetty11Container implements ServletContainer<Servlet, Filter> {

  private Server server;

  @Override
  public int start(Deployment<Servlet, Filter> deployment) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    for (Deployment.Mapped<Servlet> servlet : deployment.servlets()) {
      ServletHolder holder = new ServletHolder(servlet.name(), servlet.instance());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.pattern());
    }
    for (Deployment.Mapped<Filter> filter : deployment.filters()) {
      FilterHolder holder = new FilterHolder(filter.instance());
      holder.setName(filter.name());
      holder.setAsyncSupported(true);
      context.addFilter(holder, filter.pattern(), EnumSet.of(DispatcherType.REQUEST));
    }
    ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
    errorPages.addErrorPage(Throwable.class, deployment.errorPage());
    context.setErrorHandler(errorPages);
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
  }
}
