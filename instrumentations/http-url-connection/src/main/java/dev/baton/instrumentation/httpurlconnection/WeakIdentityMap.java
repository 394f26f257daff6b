package dev.baton.instrumentation.httpurlconnection;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values attached to objects the agent may not add fields to: keys are compared by identity and
 * held weakly, so an entry goes away once the application drops its key. Reads take no lock
 * ({@link ConcurrentHashMap}); entries of collected keys are purged on writes.
 *
 * <p>Values must not reference their key, or it would never be collected.
 */
final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<IdentityKey, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  V get(K key) {
    return entries.get(new LookupKey(key));
  }

  void put(K key, V value) {
    purgeCollected();
    entries.put(new WeakKey<>(key, collected), value);
  }

  /** Entries whose key is still reachable or not yet purged; for tests. */
  int size() {
    purgeCollected();
    return entries.size();
  }

  private void purgeCollected() {
    for (Object stale; (stale = collected.poll()) != null; ) {
      entries.remove((IdentityKey) stale);
    }
  }

  /** What both kinds of key compare: a lookup key finds the weak key of the same object. */
  private interface IdentityKey {
    Object referent();

    static boolean sameReferent(Object referent, Object other) {
      return referent != null
          && other instanceof IdentityKey
          && ((IdentityKey) other).referent() == referent;
    }
  }

  private static final class LookupKey implements IdentityKey {
    private final Object key;

    LookupKey(Object key) {
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
      return IdentityKey.sameReferent(key, other);
    }
  }

  private static final class WeakKey<K> extends WeakReference<K> implements IdentityKey {
    private final int hash;

    WeakKey(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      this.hash = System.identityHashCode(key);
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
      // A cleared key equals only itself, which is how its entry is purged.
      return other == this || IdentityKey.sameReferent(get(), other);
    }
  }
}
