package dev.baton.launcher;

import java.io.File;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The only class of Baton that the system class loader can see. It puts the bootstrap part of the
 * agent on the bootstrap class path, creates the agent's own class loader for everything else,
 * and hands over. It uses nothing but the JDK, and whatever goes wrong, the service starts.
 */
public final class AgentLauncher {

  private static final String BOOTSTRAP_JAR = "baton/bootstrap.jar";
  private static final String AGENT_MAIN = "dev.baton.agent.BatonAgent";

  private static boolean started;

  private AgentLauncher() {}

  /** {@code -javaagent:baton-agent.jar}, also through {@code JAVA_TOOL_OPTIONS}. */
  public static void premain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation, false);
  }

  /** Attach to a running JVM: {@code java -jar baton-agent.jar attach <pid>}. */
  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation, true);
  }

  private static synchronized void start(
      String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
    if (started) {
      System.err.println("[baton] WARN the agent is already running in this JVM; ignored");
      return;
    }
    started = true;
    try {
      File agentJar = agentJar();
      JarFile jar = new JarFile(agentJar, false);
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(extract(jar, BOOTSTRAP_JAR)));
      ClassLoader agentLoader = new AgentClassLoader(jar, agentJar);
      Method main =
          agentLoader
              .loadClass(AGENT_MAIN)
              .getMethod("start", Instrumentation.class, String.class, boolean.class);
      main.invoke(null, instrumentation, agentArgs, lateAttach);
    } catch (Throwable t) {
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
      System.err.println(
          "[baton] ERROR the agent could not start; the service runs without it: " + cause);
    }
  }

  private static File agentJar() throws URISyntaxException {
    return new File(
        AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /**
   * Copies the bootstrap jar to a private temporary file: the bootstrap class path takes only
   * files. A fresh, randomly named file per start (not a shared, predictable one) means no other
   * user can plant classes there.
   */
  private static File extract(JarFile jar, String entryName) throws Exception {
    JarEntry entry = jar.getJarEntry(entryName);
    if (entry == null) {
      throw new IllegalStateException(entryName + " is missing from " + jar.getName());
    }
    Path target = Files.createTempFile("baton-bootstrap-", ".jar");
    target.toFile().deleteOnExit();
    try (InputStream in = jar.getInputStream(entry)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target.toFile();
  }
}
