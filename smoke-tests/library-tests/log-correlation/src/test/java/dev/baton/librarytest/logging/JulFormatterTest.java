package dev.baton.librarytest.logging;

/**
 * java.util.logging with {@code dev.baton.logging.TraceContextFormatter} named in a
 * logging.properties: the JDK's LogManager loads it through the system class loader.
 */
class JulFormatterTest extends AbstractLogCorrelationTest {

  @Override
  TestLogger logger() {
    return TestLogger.jul();
  }
}
