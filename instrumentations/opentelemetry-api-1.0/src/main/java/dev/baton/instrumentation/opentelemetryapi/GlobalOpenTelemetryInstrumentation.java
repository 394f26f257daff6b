package dev.baton.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code GlobalOpenTelemetry}: {@code get()}/{@code getOrNoop()} return the bridge (every static
 * shortcut such as {@code getTracer} goes through one of them), {@code isSet()} says so, and
 * {@code set(...)} is skipped, as the OpenTelemetry agent does: the agent owns the global. An
 * application's own SDK instance keeps working when used directly (see README).
 *
 * <p>Each method body is skipped only when the enter advice produced a value, so a failure in the
 * bridge leaves the application's original behaviour in place.
 */
public final class GlobalOpenTelemetryInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("application.io.opentelemetry.api.GlobalOpenTelemetry");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String self = GlobalOpenTelemetryInstrumentation.class.getName();
    transformer.applyAdvice(
        namedOneOf("get", "getOrNoop").and(isStatic()).and(takesArguments(0)), self + "$GetAdvice");
    transformer.applyAdvice(named("isSet").and(isStatic()).and(takesArguments(0)), self + "$IsSetAdvice");
    transformer.applyAdvice(named("set").and(isStatic()).and(takesArguments(1)), self + "$SetAdvice");
  }

  public static final class GetAdvice {

    private GetAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
    public static Object enter() {
      return OpenTelemetryApiBridge.openTelemetry();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(@Advice.Enter Object bridge, @Advice.Return Object returned) {
      return bridge != null ? bridge : returned;
    }
  }

  public static final class IsSetAdvice {

    private IsSetAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
    public static boolean enter() {
      return OpenTelemetryApiBridge.isOn();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned
    public static boolean exit(@Advice.Enter boolean bridged, @Advice.Return boolean returned) {
      return bridged || returned;
    }
  }

  public static final class SetAdvice {

    private SetAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
    public static boolean enter() {
      return OpenTelemetryApiBridge.ignoreGlobalSet();
    }
  }
}
