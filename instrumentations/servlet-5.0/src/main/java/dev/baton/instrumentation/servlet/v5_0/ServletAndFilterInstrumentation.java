package dev.baton.instrumentation.servlet.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code Servlet.service} and {@code Filter.doFilter}: whichever the container calls first
 * for a request starts its SERVER span, the nested ones see it and do nothing, and a later
 * dispatch of the request (async, error page) runs with its context current.
 */
public final class ServletAndFilterInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // Abstract classes too: HttpServlet declares the service method its subclasses inherit.
    return not(isInterface())
        .and(hasSuperType(namedOneOf("jakarta.servlet.Servlet", "jakarta.servlet.Filter")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("service")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(2))
            .and(takesArgument(0, named("jakarta.servlet.ServletRequest")))
            .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
        ServletAndFilterInstrumentation.class.getName() + "$ServiceAdvice");
    transformer.applyAdvice(
        named("doFilter")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(0, named("jakarta.servlet.ServletRequest")))
            .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
        ServletAndFilterInstrumentation.class.getName() + "$ServiceAdvice");
  }

  public static final class ServiceAdvice {

    private ServiceAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.Argument(0) ServletRequest request) {
      return ServletTracing.enter(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.Argument(0) ServletRequest request,
        @Advice.Argument(1) ServletResponse response,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object dispatch) {
      ServletTracing.exit(dispatch, request, response, error);
    }
  }
}
