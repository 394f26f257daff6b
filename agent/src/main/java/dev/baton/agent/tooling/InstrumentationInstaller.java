package dev.baton.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.baton.bootstrap.AdviceErrors;
import dev.baton.bootstrap.IndyBootstrap;
import dev.baton.instrumentation.api.InstrumentationModule;
import dev.baton.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the enabled instrumentation modules into one Byte Buddy transformer and installs it. */
public final class InstrumentationInstaller {

  private static final Logger logger = LoggerFactory.getLogger(InstrumentationInstaller.class);

  private InstrumentationInstaller() {}

  /**
   * @param lateAttach true when attached to a running JVM: classes already loaded are then
   *     retransformed. At start-up classes are matched as they load, and only the few JDK classes
   *     modules name in {@link TypeInstrumentation#earlyLoadedTypes()} are retransformed.
   * @return the modules that were applied
   */
  public static List<InstrumentationModule> install(
      Instrumentation instrumentation,
      List<InstrumentationModule> modules,
      boolean lateAttach,
      InstrumentationErrorLimit errorLimit)
      throws Exception {
    // Baton never injects classes, so Byte Buddy need not reach for sun.misc.Unsafe (which
    // prints warnings on Java 24+). The key is relocated with Byte Buddy, so it only affects ours.
    if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
      System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    }
    ClassLoader agentLoader = InstrumentationInstaller.class.getClassLoader();
    IndyAdviceLinker linker = new IndyAdviceLinker(agentLoader, errorLimit);
    IndyBootstrap.install(linker);

    Advice.WithCustomMapping adviceMapping =
        Advice.withCustomMapping()
            .bootstrap(
                IndyBootstrap.class.getMethod(
                    "bootstrap",
                    MethodHandles.Lookup.class,
                    String.class,
                    MethodType.class,
                    Object[].class))
            .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class));
    MethodDescription recordError =
        new MethodDescription.ForLoadedMethod(
            AdviceErrors.class.getMethod("record", Throwable.class, String.class));

    TransformListener listener = new TransformListener();
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(
                lateAttach
                    ? AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE
                    : new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(
                        earlyLoaded(instrumentation, modules)))
            .with(LazyDescriptions.INSTANCE)
            // Super types parsed once per class loader, not once per class (see SharedTypePools);
            // class files are located through weak references, so a cached description does not
            // keep its loader alive.
            .with(new SharedTypePools())
            .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
            .with(listener)
            // Replaces Byte Buddy's default, which would skip every JDK class. Names only: the type
            // descriptions are lazy, and a name is known without parsing the class file, whereas
            // any other property (isSynthetic, modifiers) would parse every class loaded. Lambda
            // and other hidden classes never reach a transformer.
            .ignore(
                nameStartsWith("dev.baton.agent.")
                    .or(nameStartsWith("dev.baton.bootstrap."))
                    .or(nameStartsWith("dev.baton.instrumentation."))
                    .or(nameStartsWith("dev.baton.launcher."))
                    .or(nameStartsWith("dev.baton.shaded."))
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.internal.reflect."))
                    .or(nameStartsWith("sun.reflect.")))
            // Instrumented classes in named modules (the JDK's) must read the bootstrap helpers.
            .assureReadEdgeTo(instrumentation, IndyBootstrap.class);

    List<InstrumentationModule> applied = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      // A module that cannot even describe its transformations is left out; the others still apply.
      try {
        // Exceptions that advice throws go to AdviceErrors with the module's name, not to the service.
        Advice.ExceptionHandler exceptionHandler =
            new Advice.ExceptionHandler.Simple(
                new StackManipulation.Compound(
                    new TextConstant(module.name()), MethodInvocation.invoke(recordError)));
        AgentBuilder withModule = builder;
        for (TypeInstrumentation type : module.typeInstrumentations()) {
          AgentBuilder.Transformer.ForAdvice transformer =
              new AgentBuilder.Transformer.ForAdvice(adviceMapping)
                  .include(agentLoader)
                  .withExceptionHandler(exceptionHandler);
          AdviceCollector collector = new AdviceCollector(transformer, module, linker);
          type.transform(collector);
          withModule =
              withModule
                  .type(type.typeMatcher(), module.classLoaderMatcher())
                  .transform(new LegacyClassFileUpgrade())
                  .transform(collector.transformer());
        }
        builder = withModule;
        applied.add(module);
      } catch (RuntimeException | LinkageError e) {
        logger.warn("instrumentation {} is skipped: {}", module.name(), e.toString());
      }
    }
    builder.installOn(instrumentation);
    return applied;
  }

  /**
   * At start-up only the JDK classes that modules name as possibly loaded already are
   * retransformed; everything else is matched as it loads.
   */
  private static Class<?>[] earlyLoaded(
      Instrumentation instrumentation, List<InstrumentationModule> modules) {
    Set<String> names = new HashSet<>();
    for (InstrumentationModule module : modules) {
      try {
        for (TypeInstrumentation type : module.typeInstrumentations()) {
          names.addAll(type.earlyLoadedTypes());
        }
      } catch (RuntimeException | LinkageError e) {
        // reported, and the module skipped, where its transformations are built
      }
    }
    List<Class<?>> loaded = new ArrayList<>();
    if (!names.isEmpty()) {
      for (Class<?> type : instrumentation.getAllLoadedClasses()) {
        if (names.contains(type.getName()) && instrumentation.isModifiableClass(type)) {
          loaded.add(type);
        }
      }
    }
    return loaded.toArray(new Class<?>[0]);
  }

  /** Records which advice belongs to which module while a type instrumentation names them. */
  private static final class AdviceCollector implements dev.baton.instrumentation.api.TypeTransformer {
    private AgentBuilder.Transformer.ForAdvice transformer;
    private final InstrumentationModule module;
    private final IndyAdviceLinker linker;

    AdviceCollector(
        AgentBuilder.Transformer.ForAdvice transformer,
        InstrumentationModule module,
        IndyAdviceLinker linker) {
      this.transformer = transformer;
      this.module = module;
      this.linker = linker;
    }

    @Override
    public void applyAdvice(
        net.bytebuddy.matcher.ElementMatcher<? super MethodDescription> methods,
        String adviceClassName) {
      if (!adviceClassName.startsWith(module.advicePackage() + '.')) {
        throw new IllegalArgumentException(
            adviceClassName + " is outside the package of module " + module.name());
      }
      linker.register(adviceClassName, module);
      transformer = transformer.advice(methods, adviceClassName);
    }

    AgentBuilder.Transformer transformer() {
      return transformer;
    }
  }
}
