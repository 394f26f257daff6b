package dev.baton.instrumentation.api.db;

/**
 * What the shared database semantics need to read from one client's call. Called only when the
 * span is recorded (never in forward mode), so the work behind them is skipped when it is not.
 */
public interface DbClientAttributesGetter<REQ> {

  DbConnectionInfo connection(REQ request);

  SqlQuery query(REQ request);

  /** How many operations the call runs: 1, or the number of entries in a batch. */
  long batchSize(REQ request);
}
