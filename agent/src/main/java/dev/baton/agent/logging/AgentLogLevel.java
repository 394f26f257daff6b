package dev.baton.agent.logging;

/** The agent's one switch for verbosity: INFO by default, DEBUG under {@code baton.debug}. */
public final class AgentLogLevel {

  private static volatile boolean debug;

  private AgentLogLevel() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }
}
