package dev.baton.instrumentation.kafka;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.kafka.clients.ApiVersions;

/**
 * Whether the brokers a producer talks to take record headers (message format v2, Kafka 0.11+).
 * Clients before 4.0 can still write older formats and would fail a record with headers; 4.0
 * dropped them, and the method that tells.
 */
final class ProduceMagic {

  private static final byte MAGIC_WITH_HEADERS = 2;
  private static final MethodHandle MAX_USABLE_PRODUCE_MAGIC = find();

  private ProduceMagic() {}

  static boolean supportsHeaders(Object apiVersions) {
    if (MAX_USABLE_PRODUCE_MAGIC == null || !(apiVersions instanceof ApiVersions)) {
      return true;
    }
    try {
      return (byte) MAX_USABLE_PRODUCE_MAGIC.invokeExact((ApiVersions) apiVersions) >= MAGIC_WITH_HEADERS;
    } catch (Throwable e) {
      return false;
    }
  }

  private static MethodHandle find() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(ApiVersions.class, "maxUsableProduceMagic", MethodType.methodType(byte.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
