package dev.baton.librarytest.tomcat10;

import dev.baton.testing.servlet.AbstractServletContainerDisabledTest;
import dev.baton.testing.servlet.Deployment;
import dev.baton.testing.servlet.EmbeddedTomcat;
import dev.baton.testing.servlet.JakartaTestApp;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class Tomcat10DisabledTest extends AbstractServletContainerDisabledTest<Servlet, Filter> {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new EmbeddedTomcat();
  }

  @Override
  protected Deployment<Servlet, Filter> deployment() {
    return JakartaTestApp.deployment();
  }
}
