package dev.baton.librarytest.jetty11;

import dev.baton.testing.servlet.AbstractJakartaServletContainerDisabledTest;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class Jetty11DisabledTest extends AbstractJakartaServletContainerDisabledTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new Jetty11Container();
  }
}
