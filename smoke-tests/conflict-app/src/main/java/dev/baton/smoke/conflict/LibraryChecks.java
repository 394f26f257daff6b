package dev.baton.smoke.conflict;

import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The application's own ASM, OkHttp and Kafka client: their versions as the application sees
 * them, and each one put to work (the agent bundles OkHttp, relocated, for its exporter, and
 * instruments OkHttp and Kafka clients).
 */
final class LibraryChecks {

  private LibraryChecks() {}

  /**
   * The newest class-file version the application's ASM knows ({@code Opcodes.V18} in 9.2,
   * {@code V26} in 9.9): ASM's jar carries its version only in a manifest that shading replaces.
   */
  static String asmNewestClassFile() {
    int newest = 0;
    for (java.lang.reflect.Field field : Opcodes.class.getFields()) {
      if (field.getName().matches("V\\d+")) {
        newest = Math.max(newest, Integer.parseInt(field.getName().substring(1)));
      }
    }
    return "V" + newest;
  }

  /** Writes and loads a class whose {@code toString} returns a constant. */
  static String asmResult(ClassLoader parent) throws Exception {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "dev/baton/smoke/conflict/Generated", null, "java/lang/Object", null);
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor toString = writer.visitMethod(Opcodes.ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
    toString.visitCode();
    toString.visitLdcInsn("hello from asm");
    toString.visitInsn(Opcodes.ARETURN);
    toString.visitMaxs(0, 0);
    toString.visitEnd();
    writer.visitEnd();
    byte[] bytes = writer.toByteArray();
    Class<?> type = new ClassLoader(parent) {
      Class<?> define() {
        return defineClass("dev.baton.smoke.conflict.Generated", bytes, 0, bytes.length);
      }
    }.define();
    return type.getDeclaredConstructor().newInstance().toString();
  }

  /** OkHttp 4 has {@code OkHttp.VERSION}; OkHttp 3 says its version in its user agent. */
  static String okhttpVersion() throws Exception {
    try {
      return (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    } catch (ClassNotFoundException e) {
      String userAgent = (String) Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null);
      return userAgent.substring(userAgent.indexOf('/') + 1);
    }
  }

  static int okhttpGet(String url) throws java.io.IOException {
    OkHttpClient client = new OkHttpClient();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  static String kafkaVersion() {
    return AppInfoParser.getVersion();
  }

  /** A send to a broker that is not there fails, as Kafka says, within max.block.ms. */
  static String kafkaSendToNoBroker(int closedPort) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
      producer.send(new ProducerRecord<>("orders", "key", "value")).get(10, TimeUnit.SECONDS);
      return "sent";
    } catch (ExecutionException e) {
      return e.getCause().getClass().getName();
    } catch (org.apache.kafka.common.KafkaException e) {
      return e.getClass().getName();
    }
  }

  static String pomVersion(Class<?> type, String group, String artifact) throws Exception {
    String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown (no " + resource + ")";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }
}
