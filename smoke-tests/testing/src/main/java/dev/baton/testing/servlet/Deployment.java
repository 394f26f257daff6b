package dev.baton.testing.servlet;

import java.util.List;

/**
 * What a container under test deploys at its root context, in the servlet API it speaks:
 * servlets and filters by URL pattern, and the page that errors are dispatched to.
 *
 * @param <S> the API's {@code Servlet} type
 * @param <F> the API's {@code Filter} type
 */
public record Deployment<S, F>(List<Mapped<S>> servlets, List<Mapped<F>> filters, String errorPage) {

  /** One servlet or filter: a unique name, the URL pattern it is mapped to, the instance. */
  public record Mapped<T>(String name, String pattern, T instance) {}
}
