package dev.baton.instrumentation.api.db;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The database semantic-convention attribute keys Baton sets; one home for their names.
 * {@code server.address}, {@code server.port} and {@code error.type} are shared with HTTP and
 * live in {@link dev.baton.instrumentation.api.http.SemanticAttributes}.
 */
public final class DbAttributes {

  public static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  public static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  public static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  public static final AttributeKey<String> DB_OPERATION_NAME =
      AttributeKey.stringKey("db.operation.name");
  public static final AttributeKey<String> DB_COLLECTION_NAME =
      AttributeKey.stringKey("db.collection.name");
  public static final AttributeKey<String> DB_STORED_PROCEDURE_NAME =
      AttributeKey.stringKey("db.stored_procedure.name");
  public static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      AttributeKey.longKey("db.operation.batch.size");
  public static final AttributeKey<String> DB_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("db.response.status_code");

  private DbAttributes() {}
}
