package dev.baton.instrumentation.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attaches a value to a library object that the agent may not add a field to (classes keep their
 * format, see docs/architecture.md). Keys are compared by identity, whatever their
 * {@code equals}, and held weakly: an entry lives no longer than its key. Reads take no lock;
 * entries of collected keys are dropped on the next write.
 *
 * <p>A value must not reference its key, or the key can never be collected.
 */
public final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> cleared = new ReferenceQueue<>();

  /** The value attached to {@code key}, or {@code null}. */
  public V get(K key) {
    return key == null ? null : entries.get(new Lookup(key));
  }

  /** Attaches {@code value} to {@code key}, replacing any earlier value. */
  public void put(K key, V value) {
    if (key == null || value == null) {
      return;
    }
    dropCleared();
    entries.put(new Weak<>(key, cleared), value);
  }

  /** Detaches and returns the value attached to {@code key}, if any. */
  public V remove(K key) {
    dropCleared();
    return key == null ? null : entries.remove(new Lookup(key));
  }

  /** Entries not yet dropped; for tests. */
  public int size() {
    dropCleared();
    return entries.size();
  }

  private void dropCleared() {
    for (Object stale = cleared.poll(); stale != null; stale = cleared.poll()) {
      entries.remove(stale);
    }
  }

  /** The key's referent, for comparing a lookup with a stored key in either direction. */
  private interface Referent {
    Object referent();
  }

  private static boolean sameReferent(Object referent, Object other) {
    return referent != null && other instanceof Referent && ((Referent) other).referent() == referent;
  }

  /** A short-lived key for reads: holds the object strongly for the length of one call. */
  private static final class Lookup implements Referent {
    private final Object key;

    Lookup(Object key) {
      this.key = key;
    }

    @Override
    public Object referent() {
      return key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(key, other);
    }
  }

  private static final class Weak<K> extends WeakReference<K> implements Referent {
    private final int hash;

    Weak(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      hash = System.identityHashCode(key);
    }

    @Override
    public Object referent() {
      return get();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      // Once cleared, a key equals only itself: that is how its entry is dropped.
      return other == this || sameReferent(get(), other);
    }
  }
}
