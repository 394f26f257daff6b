package dev.baton.smoke;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a service gets the agent and its settings: the two ways a deployment attaches it at start. */
enum AgentAttach {

  /** {@code -javaagent:} on the command line, settings as {@code -D} properties. */
  COMMAND_LINE {
    @Override
    void apply(Map<String, String> settings, List<String> jvmArgs, Map<String, String> env) {
      jvmArgs.add("-javaagent:" + Artifacts.agentJar());
      settings.forEach((key, value) -> jvmArgs.add("-D" + key + "=" + value));
    }
  },

  /** The container base-image way: {@code JAVA_TOOL_OPTIONS}, settings as {@code OTEL_*}/{@code BATON_*} variables. */
  JAVA_TOOL_OPTIONS {
    @Override
    void apply(Map<String, String> settings, List<String> jvmArgs, Map<String, String> env) {
      env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + Artifacts.agentJar());
      settings.forEach((key, value) ->
          env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    }
  };

  /** Adds the agent and its settings ({@code otel.*}/{@code baton.*} keys) to a service's start. */
  abstract void apply(Map<String, String> settings, List<String> jvmArgs, Map<String, String> env);
}
