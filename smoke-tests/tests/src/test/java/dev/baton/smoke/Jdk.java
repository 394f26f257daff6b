package dev.baton.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** A JDK the services are started on. Every supported JDK must be present: none is skipped. */
public record Jdk(String name, Path home) {

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  @Override
  public String toString() {
    return name;
  }

  /** JDK 17 (the one running the build) and the Temurin 25 JDK installed beside it. */
  public static List<Jdk> all() {
    Path current = Paths.get(System.getProperty("java.home"));
    Path jdk25 = Paths.get(System.getProperty("baton.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    if (!Files.isExecutable(jdk25.resolve("bin").resolve("java"))) {
      throw new IllegalStateException("JDK 25 not found at " + jdk25
          + "; set -Dtemurin25.home=... (the smoke tests run on every supported JDK)");
    }
    return List.of(new Jdk("jdk" + Runtime.version().feature(), current), new Jdk("jdk25", jdk25));
  }

  public static Jdk current() {
    return all().get(0);
  }
}
