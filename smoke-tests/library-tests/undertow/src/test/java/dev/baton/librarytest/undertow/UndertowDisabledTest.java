package dev.baton.librarytest.undertow;

import dev.baton.testing.servlet.AbstractJakartaServletContainerDisabledTest;
import dev.baton.testing.servlet.ServletContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

class UndertowDisabledTest extends AbstractJakartaServletContainerDisabledTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new UndertowContainer();
  }
}
