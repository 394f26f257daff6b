package dev.baton.instrumentation.api.gaps;

import java.lang.StackWalker.StackFrame;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where, in the application, a call that lost its trace was made: the first stack frame outside
 * the JDK, the agent and the client libraries, and a guess at why the context was missing, read
 * from the rest of the stack.
 */
final class CallSite {

  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final int MAX_FRAMES = 256;

  private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
  private static final String[] AGENT = {
    "dev.baton.agent.", "dev.baton.bootstrap.", "dev.baton.instrumentation.", "dev.baton.shaded.",
    "dev.baton.launcher.", "net.bytebuddy."
  };
  /** Client libraries (and what wraps them) whose frames are never the application's call site. */
  private static final String[] LIBRARIES = {
    "okhttp3.", "okio.", "kotlin.", "org.apache.http.", "org.apache.hc.", "org.apache.kafka.",
    "org.springframework.kafka.", "org.springframework.web.client.", "org.springframework.jdbc.",
    "com.zaxxer.hikari.", "org.apache.commons.dbcp2.", "org.apache.commons.pool2.",
    "org.postgresql.", "org.mariadb.jdbc.", "com.mysql.", "org.h2.", "org.hsqldb.", "oracle.jdbc.",
    "com.microsoft.sqlserver.", "org.apache.derby.", "com.ibm.db2.", "org.hibernate.",
    "io.opentelemetry."
  };
  private static final String[] REQUEST_THREAD = {
    "javax.servlet.", "jakarta.servlet.", "org.apache.catalina.", "org.eclipse.jetty.", "io.undertow."
  };
  private static final String[] JDK_POOLS = {
    "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoin"
  };

  final String site;
  final String cause;

  private CallSite(String site, String cause) {
    this.site = site;
    this.cause = cause;
  }

  /** Reads the current thread's stack. */
  static CallSite capture() {
    return of(WALKER.walk(frames -> frames.limit(MAX_FRAMES).collect(Collectors.toList())));
  }

  /** @param frames innermost first */
  static CallSite of(List<StackFrame> frames) {
    int site = -1;
    for (int i = 0; i < frames.size(); i++) {
      String name = frames.get(i).getClassName();
      if (!startsWithAny(name, JDK) && !startsWithAny(name, AGENT) && !startsWithAny(name, LIBRARIES)) {
        site = i;
        break;
      }
    }
    if (site < 0) {
      return new CallSite("(no application frame)", "the call was made by a library or the JDK on its own thread");
    }
    return new CallSite(describe(frames.get(site)), likelyCause(frames, site));
  }

  static String describe(StackFrame frame) {
    return frame.getClassName() + '.' + frame.getMethodName() + ':' + frame.getLineNumber();
  }

  private static String likelyCause(List<StackFrame> frames, int site) {
    if (anyFrame(frames, site, REQUEST_THREAD)) {
      return "on a request thread but outside the request's trace: the application made another"
          + " context current (Context.root(), a scope closed early) before the call";
    }
    if (anyFrame(frames, site, JDK_POOLS)) {
      return "a task of a JDK executor that carried no context: submitted outside a request (start-up,"
          + " a timer, a scheduler) or by a thread that had already lost it";
    }
    int entry = -1;
    for (int i = frames.size() - 1; i >= site; i--) {
      if (!startsWithAny(frames.get(i).getClassName(), JDK)) {
        entry = i;
        break;
      }
    }
    StackFrame first = frames.get(entry);
    if (startsWithAny(first.getClassName(), LIBRARIES)) {
      return "a thread of a library (" + describe(first) + ") that does not carry the caller's context";
    }
    if (entry == site) {
      return "a thread started without the request's context (started outside a request, or a"
          + " Thread subclass overriding run)";
    }
    return "tasks run by " + describe(first) + ", a thread pool or worker the agent does not"
        + " instrument (a hand-made executor, a queue consumer): hand the context over with"
        + " Context.current().wrap(task), or use a JDK executor";
  }

  private static boolean anyFrame(List<StackFrame> frames, int from, String[] prefixes) {
    for (int i = from; i < frames.size(); i++) {
      if (startsWithAny(frames.get(i).getClassName(), prefixes)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
