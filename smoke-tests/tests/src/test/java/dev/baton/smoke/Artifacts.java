package dev.baton.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The built jars the smoke tests run; the build must have produced them. */
public final class Artifacts {

  private Artifacts() {}

  public static Path agentJar() {
    return existing("baton.agent.jar");
  }

  public static Path demoJar() {
    return existing("baton.demo.jar");
  }

  public static Path conflictJar() {
    return existing("baton.conflict.jar");
  }

  /** The Spring Boot application, repackaged with its libraries as nested jars. */
  public static Path springAppJar() {
    return existing("baton.spring.jar");
  }

  public static Path conflictNewJar() {
    return existing("baton.conflict-new.jar");
  }

  public static Path faultJar() {
    return existing("baton.fault.jar");
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set (run through Maven: mvn verify)");
    }
    Path path = Paths.get(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " does not exist: build it first (mvn verify)");
    }
    return path;
  }
}
