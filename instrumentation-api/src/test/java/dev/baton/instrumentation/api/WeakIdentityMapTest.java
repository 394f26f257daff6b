package dev.baton.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  private final WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();

  @Test
  void keysAreComparedByIdentityNotEquals() {
    String first = new String("key");
    String equalButDistinct = new String("key");
    map.put(first, "value");
    assertThat(map.get(first)).isEqualTo("value");
    assertThat(map.get(equalButDistinct)).isNull();
  }

  @Test
  void putReplacesAndRemoveDetaches() {
    Object key = new Object();
    map.put(key, "one");
    map.put(key, "two");
    assertThat(map.get(key)).isEqualTo("two");
    assertThat(map.remove(key)).isEqualTo("two");
    assertThat(map.get(key)).isNull();
    assertThat(map.size()).isZero();
  }

  @Test
  void nullKeysAndValuesAreIgnored() {
    map.put(null, "value");
    map.put(new Object(), null);
    assertThat(map.get(null)).isNull();
    assertThat(map.remove(null)).isNull();
    assertThat(map.size()).isZero();
  }

  @Test
  void entriesGoAwayWithTheirKeys() throws InterruptedException {
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 100; i++) {
      map.put(new Object(), "dropped");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (map.size() > 1 && System.nanoTime() < deadline) {
      System.gc();
      List<byte[]> pressure = new ArrayList<>();
      pressure.add(new byte[1 << 20]);
      Thread.sleep(10);
    }
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }
}
