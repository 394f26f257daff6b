package dev.baton.testing.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

/** The container suite on a jakarta.servlet (5+) container. */
public abstract class AbstractJakartaServletContainerTest extends AbstractServletContainerTest<Servlet, Filter> {

  @Override
  protected Deployment<Servlet, Filter> deployment() {
    return JakartaTestApp.deployment();
  }

  @Override
  protected String scopeName() {
    return "baton.servlet-5.0";
  }
}
