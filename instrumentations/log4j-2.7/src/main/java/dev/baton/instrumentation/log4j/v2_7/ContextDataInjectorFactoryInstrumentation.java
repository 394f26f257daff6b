package dev.baton.instrumentation.log4j.v2_7;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.logging.log4j.core.ContextDataInjector;

/**
 * {@code ContextDataInjectorFactory.createInjector()}: Log4j asks it, once per event factory, for
 * what fills each event's context data on the logging thread. Baton hands back that injector
 * inside {@link TraceContextDataInjector}, which adds the trace entries.
 */
public final class ContextDataInjectorFactoryInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.logging.log4j.core.impl.ContextDataInjectorFactory");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("createInjector").and(takesArguments(0)),
        getClass().getName() + "$CreateInjectorAdvice");
  }

  public static final class CreateInjectorAdvice {
    private CreateInjectorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(@Advice.Return ContextDataInjector injector) {
      return TraceContextDataInjector.wrap(injector);
    }
  }
}
