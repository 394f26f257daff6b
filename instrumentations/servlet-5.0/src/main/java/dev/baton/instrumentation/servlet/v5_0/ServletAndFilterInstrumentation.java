package dev.baton.instrumentation.servlet.v5_0;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import dev.baton.instrumentation.api.servlet.ServletMatchers;
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
    return ServletMatchers.servletsAndFilters("jakarta.servlet");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        ServletMatchers.serviceAndDoFilter("jakarta.servlet"),
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
