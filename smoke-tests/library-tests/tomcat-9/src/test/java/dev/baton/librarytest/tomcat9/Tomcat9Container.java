package dev.baton.librarytest.tomcat9;

import dev.baton.testing.servlet.Deployment;
import dev.baton.testing.servlet.ServletContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.Filter;
import javax.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 9 (javax.servlet 4.0). */
final class Tomcat9Container implements ServletContainer<Servlet, Filter> {

  private Tomcat tomcat;

  @Override
  public int start(Deployment<Servlet, Filter> deployment) throws Exception {
    Path base = Files.createTempDirectory("tomcat");
    tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.toString());
    for (Deployment.Mapped<Servlet> servlet : deployment.servlets()) {
      Wrapper wrapper = Tomcat.addServlet(context, servlet.name(), servlet.instance());
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(servlet.pattern(), servlet.name());
    }
    for (Deployment.Mapped<Filter> filter : deployment.filters()) {
      FilterDef definition = new FilterDef();
      definition.setFilterName(filter.name());
      definition.setFilter(filter.instance());
      definition.setAsyncSupported("true");
      context.addFilterDef(definition);
      FilterMap map = new FilterMap();
      map.setFilterName(filter.name());
      map.addURLPatternDecoded(filter.pattern());
      context.addFilterMap(map);
    }
    ErrorPage errorPage = new ErrorPage();
    errorPage.setExceptionType(Throwable.class.getName());
    errorPage.setLocation(deployment.errorPage());
    context.addErrorPage(errorPage);
    tomcat.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
