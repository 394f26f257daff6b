package dev.baton.librarytest.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** One logging library set up by its real configuration, and the file it prints to. */
interface TestLogger {

  void info(String message);

  Path file();

  default PrintedLine printed(String message) throws IOException, InterruptedException {
    return PrintedLine.find(file(), message);
  }

  static TestLogger logback() {
    org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("logback.test");
    return of(logger::info, "logback.log");
  }

  /** Through Logback's AsyncAppender: formatted later, on the appender's own thread. */
  static TestLogger logbackAsync() {
    org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("logback.async");
    return of(logger::info, "logback-async.log");
  }

  static TestLogger log4j2() {
    org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger("log4j2.test");
    return of(logger::info, "log4j2.log");
  }

  /** java.util.logging configured from jul-logging.properties, as a service would. */
  static TestLogger jul() {
    synchronized (TestLogger.class) {
      if (Jul.logger == null) {
        try (InputStream in = TestLogger.class.getResourceAsStream("/jul-logging.properties")) {
          Files.createDirectories(PrintedLine.logFile("jul.log").getParent());
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${log.dir}", System.getProperty("log.dir").replace('\\', '/'));
          java.util.logging.LogManager.getLogManager().readConfiguration(
              new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        Jul.logger = Logger.getLogger("jul.test");
      }
    }
    return of(Jul.logger::info, "jul.log");
  }

  private static TestLogger of(java.util.function.Consumer<String> log, String fileName) {
    Path file = PrintedLine.logFile(fileName);
    return new TestLogger() {
      @Override
      public void info(String message) {
        log.accept(message);
      }

      @Override
      public Path file() {
        return file;
      }
    };
  }

  final class Jul {
    static Logger logger;

    private Jul() {}
  }
}
