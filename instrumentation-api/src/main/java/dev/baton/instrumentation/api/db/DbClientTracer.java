package dev.baton.instrumentation.api.db;

import static dev.baton.instrumentation.api.db.DbAttributes.*;
import static dev.baton.instrumentation.api.http.SemanticAttributes.ERROR_TYPE;
import static dev.baton.instrumentation.api.http.SemanticAttributes.SERVER_ADDRESS;
import static dev.baton.instrumentation.api.http.SemanticAttributes.SERVER_PORT;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.SpanRecording;
import dev.baton.instrumentation.api.gaps.TraceGaps;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Database client semantics, shared by every database client: names the CLIENT span
 * ({@code SELECT orders}, {@code BATCH INSERT orders}), fills the database attributes and ends it
 * with the error status. A call made inside another one (a pool's or an application's wrapper
 * statement delegating to the driver's, a driver method calling its own sibling) yields no second
 * span.
 */
public final class DbClientTracer<REQ> {

  private static final ContextKey<Span> DB_SPAN = ContextKey.named("baton-db-client-span");

  private final String instrumentationName;
  private final Tracer tracer;
  private final DbClientAttributesGetter<REQ> attributes;
  private final boolean rootSpans;
  private final boolean recording;

  /**
   * @param rootSpans whether a call made outside any trace (no current span: a scheduled job,
   *     start-up code, a pool's own housekeeping) starts a trace of its own
   */
  public DbClientTracer(
      String instrumentationName, DbClientAttributesGetter<REQ> attributes, boolean rootSpans) {
    this.instrumentationName = instrumentationName;
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
    this.attributes = attributes;
    this.rootSpans = rootSpans;
    this.recording = SpanRecording.isOn();
  }

  /** False in forward mode: no span is ever recorded, so there is nothing to prepare for one. */
  public boolean isRecording() {
    return recording;
  }

  /**
   * Whether a span belongs here: not in the agent's own traffic, not inside another database
   * call, and inside a trace unless root spans are wanted.
   */
  public boolean shouldStart(Context parent) {
    return !InstrumentationSuppression.isSuppressed(parent)
        && parent.get(DB_SPAN) == null
        && (rootSpans || Span.fromContext(parent).getSpanContext().isValid());
  }

  /**
   * For a call {@link #shouldStart} turned down: when it was turned down for having no trace
   * while traced requests are being served (a trace gap, see {@link TraceGaps}), the gap is
   * counted and a context is returned that marks the call as in progress, so that the calls
   * underneath it (a wrapper's delegate) are not counted again. Otherwise {@code null}.
   */
  public Context gap(Context parent) {
    if (rootSpans || InstrumentationSuppression.isSuppressed(parent) || parent.get(DB_SPAN) != null) {
      return null;
    }
    return TraceGaps.outbound(instrumentationName, parent) ? parent.with(DB_SPAN, Span.getInvalid()) : null;
  }

  /** Starts the CLIENT span; the returned context holds it and marks the call as in progress. */
  public Context start(Context parent, REQ request) {
    TraceGaps.outbound(instrumentationName, parent);
    if (!recording) {
      // forward mode: nothing to record; the marker still keeps nested calls quiet
      return parent.with(DB_SPAN, Span.fromContext(parent));
    }
    DbConnectionInfo db = attributes.connection(request);
    SqlQuery query = attributes.query(request);
    long batchSize = attributes.batchSize(request);
    String operation = query.operation();
    if (batchSize > 1) {
      operation = operation == null ? "BATCH" : "BATCH " + operation;
    }
    SpanBuilder builder =
        tracer
            .spanBuilder(spanName(operation, query, db))
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(DB_SYSTEM_NAME, db.system());
    setIfPresent(builder, DB_NAMESPACE, db.namespace());
    setIfPresent(builder, DB_QUERY_TEXT, query.text());
    setIfPresent(builder, DB_OPERATION_NAME, operation);
    setIfPresent(builder, DB_COLLECTION_NAME, query.collection());
    setIfPresent(builder, DB_STORED_PROCEDURE_NAME, query.storedProcedure());
    setIfPresent(builder, SERVER_ADDRESS, db.serverAddress());
    if (db.serverAddress() != null && db.serverPort() > 0) {
      builder.setAttribute(SERVER_PORT, (long) db.serverPort());
    }
    if (batchSize > 1) {
      // a batch of one is not a batch, the conventions say
      builder.setAttribute(DB_OPERATION_BATCH_SIZE, batchSize);
    }
    Span span = builder.startSpan();
    return parent.with(span).with(DB_SPAN, span);
  }

  /**
   * Ends the CLIENT span; an exception marks it as an error.
   *
   * @param responseStatusCode what the database answered (an SQLSTATE), or {@code null}
   */
  public void end(Context context, Throwable error, String responseStatusCode) {
    if (!recording) {
      return;
    }
    Span span = Span.fromContext(context);
    if (error != null) {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      if (responseStatusCode != null) {
        span.setAttribute(DB_RESPONSE_STATUS_CODE, responseStatusCode);
      }
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /**
   * {@code {operation} {target}}, the target being the table (or the procedure a CALL runs);
   * without an operation the target alone, then the database, the server, the system.
   */
  static String spanName(String operation, SqlQuery query, DbConnectionInfo db) {
    String target = query.collection() != null ? query.collection() : query.storedProcedure();
    if (operation != null) {
      return target == null ? operation : operation + ' ' + target;
    }
    if (target != null) {
      return target;
    }
    if (db.namespace() != null) {
      return db.namespace();
    }
    if (db.serverAddress() != null) {
      return db.serverPort() > 0 ? db.serverAddress() + ':' + db.serverPort() : db.serverAddress();
    }
    return db.system();
  }

  private static void setIfPresent(SpanBuilder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.setAttribute(key, value);
    }
  }
}
