package dev.baton.instrumentation.api.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  @Test
  void keysAreComparedByIdentityNotEquality() {
    WeakIdentityMap<List<String>, String> map = new WeakIdentityMap<>();
    List<String> first = new ArrayList<>();
    List<String> equalButOther = new ArrayList<>();
    map.put(first, "first");
    assertThat(map.get(first)).isEqualTo("first");
    assertThat(map.get(equalButOther)).isNull();
    map.put(first, "again");
    assertThat(map.get(first)).isEqualTo("again");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void entryGoesWhenItsKeyIsCollected() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    map.put(new Object(), "dropped");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (map.size() > 1 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }

  @Test
  void putReplacesAndRemoveDetaches() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
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
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    map.put(null, "value");
    map.put(new Object(), null);
    assertThat(map.get(null)).isNull();
    assertThat(map.remove(null)).isNull();
    assertThat(map.size()).isZero();
  }
}
