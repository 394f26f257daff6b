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
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Statement} (so {@code PreparedStatement} and {@code CallableStatement}
 * too), of any driver, pool or wrapper:
 *
 * <ul>
 *   <li>{@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate}
 *       with the SQL as first argument (plain statements);
 *   <li>the same without arguments (prepared statements, SQL known from {@code prepareStatement});
 *   <li>{@code executeBatch}, {@code executeLargeBatch}, and {@code addBatch}/{@code clearBatch} to
 *       know what a batch holds.
 * </ul>
 *
 * A call made inside another one (a wrapper delegating to the driver, a driver's
 * {@code executeQuery} calling its own {@code execute}) starts no second span.
 */
public final class StatementInstrumentation implements TypeInstrumentation {

  private static final String[] EXECUTE =
      {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate"};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // The super types first: the agent reads them from class file headers, cached per loader,
    // while the declared methods need the whole class file parsed (see ConnectionInstrumentation).
    return hasSuperType(named("java.sql.Statement"))
        .and(not(isInterface()))
        .and(declaresMethod(namedOneOf(EXECUTE).or(namedOneOf("executeBatch", "executeLargeBatch",
            "addBatch", "clearBatch"))));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String advice = StatementInstrumentation.class.getName();
    transformer.applyAdvice(
        method(namedOneOf(EXECUTE)).and(takesArgument(0, String.class)), advice + "$ExecuteSqlAdvice");
    transformer.applyAdvice(
        method(namedOneOf(EXECUTE)).and(takesArguments(0)), advice + "$ExecutePreparedAdvice");
    transformer.applyAdvice(
        method(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
        advice + "$ExecuteBatchAdvice");
    transformer.applyAdvice(
        method(named("addBatch")).and(takesArguments(1)).and(takesArgument(0, String.class)),
        advice + "$AddBatchSqlAdvice");
    transformer.applyAdvice(
        method(named("addBatch")).and(takesArguments(0)), advice + "$AddBatchAdvice");
    transformer.applyAdvice(
        method(named("clearBatch")).and(takesArguments(0)), advice + "$ClearBatchAdvice");
  }

  private static ElementMatcher.Junction<MethodDescription> method(
      ElementMatcher.Junction<MethodDescription> name) {
    return name.and(isPublic()).and(not(isAbstract())).and(not(isBridge()));
  }

  public static final class ExecuteSqlAdvice {

    private ExecuteSqlAdvice() {}

    /** Returns {SQL to send, call}, or null to leave the call alone. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.This Statement statement, @Advice.Argument(0) String sql) {
      return JdbcTracing.startSql(statement, sql);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable error) {
      JdbcTracing.end(enter, error);
    }
  }

  public static final class ExecutePreparedAdvice {

    private ExecutePreparedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.This Statement statement) {
      return JdbcTracing.startPrepared(statement);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
      JdbcTracing.end(call, error);
    }
  }

  public static final class ExecuteBatchAdvice {

    private ExecuteBatchAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.This Statement statement) {
      return JdbcTracing.startBatch(statement);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
      JdbcTracing.end(call, error);
    }
  }

  public static final class AddBatchSqlAdvice {

    private AddBatchSqlAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(
        @Advice.This Statement statement,
        @Advice.Argument(0) String sql,
        @Advice.Thrown Throwable error) {
      JdbcTracing.addBatch(statement, sql, error);
    }
  }

  public static final class AddBatchAdvice {

    private AddBatchAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This Statement statement, @Advice.Thrown Throwable error) {
      JdbcTracing.addBatch(statement, null, error);
    }
  }

  public static final class ClearBatchAdvice {

    private ClearBatchAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit(@Advice.This Statement statement) {
      JdbcTracing.clearBatch(statement);
    }
  }
}
