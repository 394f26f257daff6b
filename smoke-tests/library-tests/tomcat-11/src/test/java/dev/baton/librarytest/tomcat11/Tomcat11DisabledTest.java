package dev.baton.librarytest.tomcat11;

import dev.baton.testing.servlet.AbstractJakartaServletContainerDisabledTest;
import dev.baton.testing.servlet.EmbeddedTomcat;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class Tomcat11DisabledTest extends AbstractJakartaServletContainerDisabledTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new EmbeddedTomcat();
  }
}
