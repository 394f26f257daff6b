package dev.baton.agent.export;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed-size queue for many producers (the application's threads ending spans) and one consumer
 * (the export thread). {@link #offer} never blocks, never takes a lock and allocates nothing: when
 * the queue is full it says so and the caller drops the item. This is D. Vyukov's bounded queue:
 * each slot carries a sequence number telling producers and the consumer whose turn it is.
 */
final class BoundedSpanQueue<T> {

  private final int capacity;
  private final AtomicReferenceArray<T> items;
  private final AtomicLongArray sequences;
  private final AtomicLong tail = new AtomicLong();
  /** Written only by the consumer; volatile so that {@link #size} can be read by anyone. */
  private volatile long head;

  BoundedSpanQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.items = new AtomicReferenceArray<>(capacity);
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, i);
    }
  }

  /** Adds {@code item} unless the queue is full; safe from any number of threads. */
  boolean offer(T item) {
    while (true) {
      long position = tail.get();
      int slot = (int) (position % capacity);
      long difference = sequences.get(slot) - position;
      if (difference == 0) {
        if (tail.compareAndSet(position, position + 1)) {
          items.set(slot, item);
          sequences.set(slot, position + 1); // publishes the item to the consumer
          return true;
        }
      } else if (difference < 0) {
        return false; // the slot still holds an item a lap behind: full
      }
      // else another producer took this position; try the next
    }
  }

  /** The oldest item, or null when there is none. Only the one consumer thread may call this. */
  T poll() {
    long position = head;
    int slot = (int) (position % capacity);
    if (sequences.get(slot) != position + 1) {
      return null; // empty, or a producer has claimed the slot but not written it yet
    }
    T item = items.get(slot);
    items.set(slot, null);
    sequences.set(slot, position + capacity); // free for the producer one lap ahead
    head = position + 1;
    return item;
  }

  /** Items waiting; exact when no producer is halfway through an offer. */
  int size() {
    long size = tail.get() - head;
    return (int) Math.max(0, Math.min(size, capacity));
  }

  int capacity() {
    return capacity;
  }
}
