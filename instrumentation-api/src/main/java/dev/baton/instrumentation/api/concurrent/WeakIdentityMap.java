package dev.baton.instrumentation.api.concurrent;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values: how Baton
 * attaches state to the application's objects (a task, a record) without adding fields (which
 * would prevent retransforming classes that are already loaded) and without keeping them alive.
 * Entries whose key was collected are purged on writes.
 */
public final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  /** A null key or value is ignored: there is nothing to attach. */
  public void put(K key, V value) {
    if (key == null || value == null) {
      return;
    }
    purge();
    map.put(new WeakKey<>(key, collected), value);
  }

  public V get(K key) {
    return key == null ? null : map.get(new LookupKey(key));
  }

  public V remove(K key) {
    return key == null ? null : map.remove(new LookupKey(key));
  }

  /** Approximate; for tests. */
  public int size() {
    purge();
    return map.size();
  }

  private void purge() {
    Object stale;
    while ((stale = collected.poll()) != null) {
      map.remove(stale);
    }
  }

  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (referent == null) {
        return false;
      }
      if (other instanceof WeakKey) {
        return referent == ((WeakKey<?>) other).get();
      }
      return other instanceof LookupKey && referent == ((LookupKey) other).key;
    }
  }

  /** A short-lived key for look-ups: no reference object, no queue. */
  private static final class LookupKey {
    final Object key;

    LookupKey(Object key) {
      this.key = key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      if (other instanceof WeakKey) {
        return ((WeakKey<?>) other).get() == key;
      }
      return other instanceof LookupKey && ((LookupKey) other).key == key;
    }
  }
}
