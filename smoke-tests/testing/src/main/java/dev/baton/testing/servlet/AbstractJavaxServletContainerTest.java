package dev.baton.testing.servlet;

import javax.servlet.Filter;
import javax.servlet.Servlet;

/** The container suite on a javax.servlet (3.0-4.0) container. */
public abstract class AbstractJavaxServletContainerTest extends AbstractServletContainerTest<Servlet, Filter> {

  @Override
  protected Deployment<Servlet, Filter> deployment() {
    return JavaxTestApp.deployment();
  }

  @Override
  protected String scopeName() {
    return "baton.servlet-3.0";
  }
}
