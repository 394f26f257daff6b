package dev.baton.librarytest.undertow;

import dev.baton.testing.servlet.AbstractJakartaServletContainerTest;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class UndertowTest extends AbstractJakartaServletContainerTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new UndertowContainer();
  }
}
