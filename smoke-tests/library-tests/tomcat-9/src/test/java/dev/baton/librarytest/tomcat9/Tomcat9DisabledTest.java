package dev.baton.librarytest.tomcat9;

import dev.baton.testing.servlet.AbstractJavaxServletContainerDisabledTest;
import dev.baton.testing.servlet.ServletContainer;
import javax.servlet.Filter;
import javax.servlet.Servlet;

class Tomcat9DisabledTest extends AbstractJavaxServletContainerDisabledTest {

  @Override
  protected ServletContainer<Servlet, Filter> container() {
    return new Tomcat9Container();
  }
}
