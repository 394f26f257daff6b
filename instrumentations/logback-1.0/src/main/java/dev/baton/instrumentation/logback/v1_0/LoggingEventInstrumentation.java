package dev.baton.instrumentation.logback.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code LoggingEvent.getMDCPropertyMap()}: what layouts ({@code %X{...}}), encoders and
 * appenders read the MDC from. The map returned has the event's trace entries added; the
 * thread's MDC and the event's own map are left as they are. This is the one place where Baton
 * changes a return value: it is the logging library's view of the event, and adding to it is
 * the point.
 */
public final class LoggingEventInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("getMDCPropertyMap").and(takesArguments(0)),
        getClass().getName() + "$GetMdcPropertyMapAdvice");
  }

  public static final class GetMdcPropertyMapAdvice {
    private GetMdcPropertyMapAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object exit(@Advice.This ILoggingEvent event, @Advice.Return Map<String, String> map) {
      return LogbackCorrelation.mdcWithTrace(event, map);
    }
  }
}
