package dev.baton.testing.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

/** The disabled-instrumentation check on a jakarta.servlet (5+) container. */
public abstract class AbstractJakartaServletContainerDisabledTest
    extends AbstractServletContainerDisabledTest<Servlet, Filter> {

  @Override
  protected Deployment<Servlet, Filter> deployment() {
    return JakartaTestApp.deployment();
  }
}
