package dev.baton.instrumentation.api.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the servlet API is entered, for either package ({@code javax.servlet} or
 * {@code jakarta.servlet}): the two servlet modules differ only in the package name and in the
 * types their advice is written in.
 */
public final class ServletMatchers {

  private ServletMatchers() {}

  /**
   * Servlets and filters, abstract ones too: {@code HttpServlet} declares the service method its
   * subclasses inherit.
   */
  public static ElementMatcher<TypeDescription> servletsAndFilters(String apiPackage) {
    // Super types first, modifiers last: see the agent's SharedTypePools for why that order is
    // cheaper (the modifiers cost a parse of the whole class file).
    return hasSuperType(namedOneOf(apiPackage + ".Servlet", apiPackage + ".Filter"))
        .and(not(isInterface()));
  }

  /**
   * {@code Servlet.service(ServletRequest, ServletResponse)} and
   * {@code Filter.doFilter(ServletRequest, ServletResponse, FilterChain)}.
   */
  public static ElementMatcher<MethodDescription> serviceAndDoFilter(String apiPackage) {
    return isPublic()
        .and(not(isAbstract()))
        .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
        .and(takesArgument(0, named(apiPackage + ".ServletRequest")))
        .and(takesArgument(1, named(apiPackage + ".ServletResponse")));
  }

  /** Implementations of {@code AsyncContext}. */
  public static ElementMatcher<TypeDescription> asyncContexts(String apiPackage) {
    return hasSuperType(named(apiPackage + ".AsyncContext")).and(not(isInterface()));
  }

  /** {@code AsyncContext.start(Runnable)}. */
  public static ElementMatcher<MethodDescription> asyncContextStart() {
    return named("start").and(isPublic()).and(takesArguments(1))
        .and(takesArgument(0, named("java.lang.Runnable")));
  }
}
