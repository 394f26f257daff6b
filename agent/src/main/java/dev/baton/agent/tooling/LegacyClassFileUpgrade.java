package dev.baton.agent.tooling;

import java.security.ProtectionDomain;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Raises class files older than Java 7 (version 51) to 51 before advice is woven into them:
 * invokedynamic, which Baton's advice dispatch uses, is not allowed in older class files (all
 * httpcomponents 4.x jars are Java 6). Version 51 requires stack map frames, so ASM recomputes
 * them, resolving types through Byte Buddy's type pool rather than by loading classes.
 */
final class LegacyClassFileUpgrade implements AgentBuilder.Transformer {

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    ClassFileVersion version = type.getClassFileVersion();
    if (version == null || !version.isLessThan(ClassFileVersion.JAVA_V7)) {
      return builder;
    }
    return builder.visit(new AsmVisitorWrapper.AbstractBase() {
      @Override
      public int mergeWriter(int flags) {
        return flags | ClassWriter.COMPUTE_FRAMES;
      }

      @Override
      public ClassVisitor wrap(
          TypeDescription instrumentedType,
          ClassVisitor classVisitor,
          Implementation.Context context,
          TypePool typePool,
          FieldList<FieldDescription.InDefinedShape> fields,
          MethodList<?> methods,
          int writerFlags,
          int readerFlags) {
        return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
          @Override
          public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
            super.visit(Opcodes.V1_7, access, name, signature, superName, interfaces);
          }
        };
      }
    });
  }
}
