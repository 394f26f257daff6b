package dev.baton.librarytest.undertow;

import dev.baton.testing.servlet.Deployment;
import dev.baton.testing.servlet.ServletContainer;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.net.InetSocketAddress;

/** Embedded Undertow with its servlet deployment (jakarta.servlet 6). */
final class UndertowContainer implements ServletContainer<Servlet, Filter> {

  private DeploymentManager manager;
  private Undertow server;

  @Override
  public int start(Deployment<Servlet, Filter> deployment) throws Exception {
    DeploymentInfo info = Servlets.deployment()
        .setClassLoader(UndertowContainer.class.getClassLoader())
        .setContextPath("/")
        .setDeploymentName("test");
    for (Deployment.Mapped<Servlet> servlet : deployment.servlets()) {
      info.addServlet(Servlets.servlet(servlet.name(), servlet.instance().getClass(),
              new ImmediateInstanceFactory<>(servlet.instance()))
          .addMapping(servlet.pattern())
          .setAsyncSupported(true));
    }
    for (Deployment.Mapped<Filter> filter : deployment.filters()) {
      info.addFilter(Servlets.filter(filter.name(), filter.instance().getClass(),
              new ImmediateInstanceFactory<>(filter.instance()))
          .setAsyncSupported(true));
      info.addFilterUrlMapping(filter.name(), filter.pattern(), DispatcherType.REQUEST);
    }
    info.addErrorPage(Servlets.errorPage(deployment.errorPage(), Throwable.class));
    manager = Servlets.defaultContainer().addDeployment(info);
    manager.deploy();
    server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(manager.start()).build();
    server.start();
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
    manager.stop();
    manager.undeploy();
  }
}
