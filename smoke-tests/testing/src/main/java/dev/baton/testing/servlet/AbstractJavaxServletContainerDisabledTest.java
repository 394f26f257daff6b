package dev.baton.testing.servlet;

import javax.servlet.Filter;
import javax.servlet.Servlet;

/** The disabled-instrumentation check on a javax.servlet (3.0-4.0) container. */
public abstract class AbstractJavaxServletContainerDisabledTest
    extends AbstractServletContainerDisabledTest<Servlet, Filter> {

  @Override
  protected Deployment<Servlet, Filter> deployment() {
    return JavaxTestApp.deployment();
  }
}
