package dev.baton.librarytest.jetty12;

import dev.baton.testing.servlet.AbstractJakartaServletContainerDisabledTest;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class Jetty12DisabledTest extends AbstractJakartaServletContainerDisabledTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new Jetty12Container();
  }
}
