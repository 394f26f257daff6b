package dev.baton.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import application.io.opentelemetry.context.ContextStorage;
import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ContextStorage.get()}, through which every {@code Context.current()} and
 * {@code makeCurrent()} of the application's API goes (in every 1.x version), returns the
 * storage that keeps the application's context inside the agent's.
 */
public final class ContextStorageInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("application.io.opentelemetry.context.ContextStorage");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("get").and(isStatic()).and(takesArguments(0)),
        ContextStorageInstrumentation.class.getName() + "$GetAdvice");
  }

  public static final class GetAdvice {

    private GetAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static ContextStorage exit(@Advice.Return ContextStorage storage) {
      return OpenTelemetryApiBridge.contextStorage(storage);
    }
  }
}
