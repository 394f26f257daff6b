package dev.baton.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.sql.Connection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Connection}'s {@code prepareStatement} and {@code prepareCall}: where a
 * prepared statement's SQL is known. It is read (and sanitized) here, once per statement; with
 * sqlcommenter on, the comment is added to the SQL here too, since a prepared statement's text is
 * fixed from now on.
 */
public final class ConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // Only classes that declare one of the methods can have advice, but that check parses the
    // whole class file; the walk through the super types reads only class file headers (cached
    // per class loader by the agent), so it turns away almost every class more cheaply.
    return hasSuperType(named("java.sql.Connection"))
        .and(not(isInterface()))
        .and(declaresMethod(namedOneOf("prepareStatement", "prepareCall")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        namedOneOf("prepareStatement", "prepareCall")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(not(isBridge()))
            .and(takesArgument(0, String.class)),
        ConnectionInstrumentation.class.getName() + "$PrepareAdvice");
  }

  public static final class PrepareAdvice {

    private PrepareAdvice() {}

    /** Returns {SQL to prepare, the application's SQL}, or null to leave the call alone. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.Argument(0) String sql) {
      return JdbcTracing.beforePrepare(sql);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.This Connection connection,
        @Advice.Argument(0) String sql,
        @Advice.Enter Object[] enter,
        @Advice.Return Object statement) {
      JdbcTracing.afterPrepare(connection, sql, enter, statement);
    }
  }
}
