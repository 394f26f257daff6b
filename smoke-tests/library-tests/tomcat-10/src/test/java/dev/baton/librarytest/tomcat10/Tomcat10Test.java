package dev.baton.librarytest.tomcat10;

import dev.baton.testing.servlet.AbstractJakartaServletContainerTest;
import dev.baton.testing.servlet.EmbeddedTomcat;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class Tomcat10Test extends AbstractJakartaServletContainerTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new EmbeddedTomcat();
  }
}
