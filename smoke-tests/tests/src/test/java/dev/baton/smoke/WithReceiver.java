package dev.baton.smoke;

import dev.baton.testing.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes that export to one OTLP receiver, started once per class. */
abstract class WithReceiver {

  static OtlpReceiver receiver;

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
