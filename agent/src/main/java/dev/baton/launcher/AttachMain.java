package dev.baton.launcher;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.File;

/**
 * {@code java -jar baton-agent.jar attach <pid> [agent arguments]} loads the agent into a running
 * JVM; {@code java -jar baton-agent.jar list} shows the JVMs that can be attached to. Needs a JDK
 * (the jdk.attach module), run as the same user as the target JVM.
 */
public final class AttachMain {

  private AttachMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("list")) {
      for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
        System.out.println(vm.id() + "\t" + vm.displayName());
      }
      return;
    }
    if (args.length < 2 || !args[0].equals("attach")) {
      System.err.println("usage: java -jar baton-agent.jar attach <pid> [agent arguments]");
      System.err.println("       java -jar baton-agent.jar list");
      System.err.println("Configuration for an attached agent comes from the target JVM's "
          + "system properties and environment, or from OTEL_JAVAAGENT_CONFIGURATION_FILE.");
      System.exit(2);
      return;
    }
    String agentJar = new File(
        AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    VirtualMachine vm = VirtualMachine.attach(args[1]);
    try {
      vm.loadAgent(agentJar, args.length > 2 ? args[2] : null);
      System.out.println("[baton] attached to " + args[1]);
    } finally {
      vm.detach();
    }
  }
}
