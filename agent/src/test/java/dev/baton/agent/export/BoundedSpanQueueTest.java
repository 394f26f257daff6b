package dev.baton.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedSpanQueueTest {

  @Test
  void holdsAtMostItsCapacityInOrder() {
    BoundedSpanQueue<Integer> queue = new BoundedSpanQueue<>(3);
    assertThat(queue.offer(1)).isTrue();
    assertThat(queue.offer(2)).isTrue();
    assertThat(queue.offer(3)).isTrue();
    assertThat(queue.offer(4)).isFalse();
    assertThat(queue.size()).isEqualTo(3);
    assertThat(queue.poll()).isEqualTo(1);
    assertThat(queue.offer(5)).isTrue();
    assertThat(queue.poll()).isEqualTo(2);
    assertThat(queue.poll()).isEqualTo(3);
    assertThat(queue.poll()).isEqualTo(5);
    assertThat(queue.poll()).isNull();
    assertThat(queue.size()).isZero();
  }

  /** Many producers, one consumer: every accepted item comes out exactly once, none invented. */
  @Test
  void concurrentProducersLoseNothingAccepted() throws Exception {
    int producers = 4;
    int perProducer = 200_000;
    BoundedSpanQueue<Integer> queue = new BoundedSpanQueue<>(1000);
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(producers);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < perProducer; i++) {
          if (queue.offer(base + i)) {
            accepted.incrementAndGet();
          }
        }
        done.countDown();
      });
      threads.add(thread);
      thread.start();
    }
    BitSet seen = new BitSet(producers * perProducer);
    int taken = 0;
    while (done.getCount() > 0 || queue.size() > 0) {
      Integer item = queue.poll();
      if (item == null) {
        Thread.onSpinWait();
        continue;
      }
      assertThat(seen.get(item)).as("item %d twice", item).isFalse();
      seen.set(item);
      taken++;
    }
    Integer item;
    while ((item = queue.poll()) != null) {
      seen.set(item);
      taken++;
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(taken).isEqualTo(accepted.get());
    assertThat(taken).isGreaterThan(0);
  }
}
