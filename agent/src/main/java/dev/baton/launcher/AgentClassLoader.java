package dev.baton.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's classes from {@code baton/agent/} inside the agent jar, where they are stored
 * as {@code .classdata} so that no other class loader can find them. Its parent is the platform
 * class loader: the agent sees the JDK and the bootstrap path, never the application.
 */
final class AgentClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String PREFIX = "baton/agent/";

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;

  AgentClassLoader(JarFile jar, File jarFile) throws MalformedURLException {
    super("baton-agent", ClassLoader.getPlatformClassLoader());
    this.jar = jar;
    URL location = jarFile.toURI().toURL();
    this.jarUrl = "jar:" + location + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = readAll(in, (int) entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  @Override
  protected URL findResource(String name) {
    String entryName = entryName(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entryName);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  /**
   * Reads the agent's own entries from the jar this loader holds open, not through a {@code jar:}
   * URL: the application may have replaced the handler of that protocol (Spring Boot's launcher
   * does, and its handler cannot open a jar while its own classes are still initializing, which
   * is exactly when a {@code Thread.start} inside them needs advice linked). Advice and helper
   * classes are read this way ({@code InstrumentationClassLoader}, Byte Buddy's class file
   * locator). The agent's entries are its own packages, so looking here before the parent finds
   * nothing the parent has.
   */
  @Override
  public InputStream getResourceAsStream(String name) {
    JarEntry entry = jar.getJarEntry(entryName(name));
    if (entry == null) {
      return super.getResourceAsStream(name);
    }
    try {
      return jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  private static String entryName(String resourceName) {
    return PREFIX + (resourceName.endsWith(".class")
        ? resourceName.substring(0, resourceName.length() - ".class".length()) + ".classdata"
        : resourceName);
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
  }

  private static byte[] readAll(InputStream in, int sizeHint) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint > 0 ? sizeHint : 4096);
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) != -1) {
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }
}
