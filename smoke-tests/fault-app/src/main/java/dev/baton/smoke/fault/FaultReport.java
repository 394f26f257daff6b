package dev.baton.smoke.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * A caught exception in canonical form: class and message, each cause's class and message, and
 * the top stack frames. Numbers the run chose (ports) are replaced by names, so two runs of the
 * same code print the same lines.
 *
 * <p>Frames of {@code dev.baton} classes (the agent's helpers) are left out of the top frames and
 * counted on a line of their own, so a difference there is visible but told apart from the
 * application's frames.
 */
final class FaultReport {

  static final int FRAMES = 8;

  private final List<String[]> replacements = new ArrayList<>();

  void replace(String value, String name) {
    replacements.add(new String[] {value, name});
  }

  void print(String fault, Throwable error) {
    print(fault, error, false);
  }

  /**
   * For a wrapper whose own stack depends on thread timing, not on the code that failed: a
   * {@code CompletionException} is created by whichever thread relays the failure (the JDK's
   * HttpClient composes its stages after or before the connection fails). Class, message and
   * causes are printed as usual, the frames are the root cause's.
   */
  void printWithRootCauseFrames(String fault, Throwable error) {
    print(fault, error, true);
  }

  private void print(String fault, Throwable error, boolean rootCauseFrames) {
    if (error == null) {
      System.out.println("fault " + fault + ": no exception");
      return;
    }
    System.out.println("fault " + fault + ": " + describe(error));
    int depth = 0;
    for (Throwable cause = error.getCause(); cause != null && depth < 5; cause = cause.getCause()) {
      System.out.println("fault " + fault + " cause " + (++depth) + ": " + describe(cause));
    }
    int printed = 0;
    int agentFrames = 0;
    Throwable framesOf = error;
    while (rootCauseFrames && framesOf.getCause() != null) {
      framesOf = framesOf.getCause();
    }
    for (StackTraceElement frame : framesOf.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.baton.") && !frame.getClassName().startsWith("dev.baton.smoke.")) {
        agentFrames++;
        continue;
      }
      if (printed < FRAMES) {
        System.out.println("fault " + fault + " at: " + frame);
        printed++;
      }
    }
    System.out.println("agent-frames " + fault + ": " + agentFrames);
    System.out.flush();
  }

  private String describe(Throwable error) {
    return error.getClass().getName() + ": " + normalize(error.getMessage());
  }

  private String normalize(String message) {
    if (message == null) {
      return "null";
    }
    String text = message;
    for (String[] replacement : replacements) {
      text = text.replace(replacement[0], replacement[1]);
    }
    // one line per fact, so that a multi-line message is compared whole
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
