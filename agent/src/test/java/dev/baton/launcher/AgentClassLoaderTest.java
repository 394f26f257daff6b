package dev.baton.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClassLoaderTest {

  /**
   * Advice and helper classes are read as resources. They must come from the jar the loader holds
   * open, not from a {@code jar:} URL opened anew: in a Spring Boot application that URL is opened by
   * Spring Boot's handler, which failed while its own classes were initializing (advice then
   * stayed unlinked). Deleting the file after opening it tells the two apart: only the open jar
   * can still be read.
   */
  @Test
  void readsItsOwnEntriesFromTheOpenJarNotThroughAUrl(@TempDir Path directory) throws Exception {
    Path jarPath = directory.resolve("agent.jar");
    try (OutputStream file = Files.newOutputStream(jarPath);
        JarOutputStream jar = new JarOutputStream(file)) {
      jar.putNextEntry(new ZipEntry("baton/agent/dev/baton/x/Advice.classdata"));
      jar.write("advice bytes".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      AgentClassLoader loader = new AgentClassLoader(jar, jarPath.toFile());
      Files.delete(jarPath);

      assertThat(read(loader, "dev/baton/x/Advice.class")).isEqualTo("advice bytes");
      assertThat(loader.getResourceAsStream("dev/baton/x/Missing.class")).isNull();
      assertThat(loader.getResourceAsStream("java/lang/Object.class"))
          .as("anything else as the parent has it").isNotNull();
    }
  }

  private static String read(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
