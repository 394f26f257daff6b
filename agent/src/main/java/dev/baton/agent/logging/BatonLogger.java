package dev.baton.agent.logging;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes the agent's log lines to stderr with a {@code [baton]} prefix. Bound only to the agent's
 * relocated SLF4J, so it never touches the application's logging set-up.
 */
final class BatonLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  BatonLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return AgentLogLevel.isDebug();
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    StringBuilder line = new StringBuilder(message.length() + 48).append("[baton] ").append(level);
    if (AgentLogLevel.isDebug()) {
      line.append(' ').append(name.substring(name.lastIndexOf('.') + 1));
    }
    line.append(' ').append(message);
    PrintStream err = System.err;
    // One println per line so concurrent lines from the service do not interleave with ours.
    if (throwable == null) {
      err.println(line);
    } else if (AgentLogLevel.isDebug()) {
      synchronized (err) {
        err.println(line);
        throwable.printStackTrace(err);
      }
    } else {
      err.println(line.append(": ").append(throwable));
    }
  }
}
