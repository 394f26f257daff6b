package dev.baton.smoke;

import dev.baton.testing.FailureDiagnostics;
import dev.baton.testing.OtlpReceiver;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that export to one OTLP receiver, started once per class; a failing test prints
 * the services' log tails and the spans the receiver got.
 */
abstract class WithReceiver {

  static OtlpReceiver receiver;

  @RegisterExtension
  static FailureDiagnostics diagnostics =
      new FailureDiagnostics().spansFrom("the OTLP receiver", () -> receiver == null ? List.of() : receiver.spans());

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new OtlpReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static java.util.List<Jdk> jdks() {
    return Jdk.all();
  }
}
