package dev.baton.instrumentation.kafka;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Views of a batch, handed to the application in place of Kafka's own, that yield the same
 * records in the same order and are read-only as before. Iterating one makes each record's
 * processing current from the moment the application takes it ({@code next}) until it asks for
 * the next one ({@code hasNext}/{@code next}), the loop ends, or at the latest the thread's next
 * {@code poll} or {@code close}.
 */
final class RecordViews {

  private RecordViews() {}

  @SuppressWarnings("unchecked")
  static <T> T cast(Object value) {
    return (T) value;
  }

  /**
   * {@code records(partition)}: wrapped like Kafka wraps it, with {@code unmodifiableList}, so the
   * application even gets the same class it gets without the agent.
   */
  static List<ConsumerRecord<?, ?>> readOnlyList(List<ConsumerRecord<?, ?>> records, PollInfo poll) {
    return Collections.unmodifiableList(new TracingList(records, poll));
  }

  static final class TracingIterator implements Iterator<ConsumerRecord<?, ?>> {
    private final Iterator<ConsumerRecord<?, ?>> records;
    private final PollInfo poll;
    private Object processing;

    TracingIterator(Iterator<ConsumerRecord<?, ?>> records, PollInfo poll) {
      this.records = records;
      this.poll = poll;
    }

    @Override
    public boolean hasNext() {
      // The application is done with the record it took last.
      KafkaConsumerTracing.TRACER.endProcessing(processing);
      processing = null;
      return records.hasNext();
    }

    @Override
    public ConsumerRecord<?, ?> next() {
      ConsumerRecord<?, ?> record = records.next();
      processing = KafkaConsumerTracing.TRACER.startProcessing(record, poll.identity, poll.receive);
      return record;
    }

    @Override
    public void remove() {
      records.remove();
    }
  }

  static final class TracingIterable implements Iterable<ConsumerRecord<?, ?>> {
    private final Iterable<ConsumerRecord<?, ?>> records;
    private final PollInfo poll;

    TracingIterable(Iterable<ConsumerRecord<?, ?>> records, PollInfo poll) {
      this.records = records;
      this.poll = poll;
    }

    @Override
    public Iterator<ConsumerRecord<?, ?>> iterator() {
      return new TracingIterator(records.iterator(), poll);
    }

    @Override
    public String toString() {
      return records.toString();
    }
  }

  /**
   * Only {@code iterator()} (what for-each uses) traces; every other method answers exactly as
   * the list underneath, without starting anything.
   */
  static final class TracingList extends AbstractList<ConsumerRecord<?, ?>> implements RandomAccess {
    private final List<ConsumerRecord<?, ?>> records;
    private final PollInfo poll;

    TracingList(List<ConsumerRecord<?, ?>> records, PollInfo poll) {
      this.records = records;
      this.poll = poll;
    }

    @Override
    public Iterator<ConsumerRecord<?, ?>> iterator() {
      return new TracingIterator(records.iterator(), poll);
    }

    @Override
    public ConsumerRecord<?, ?> get(int index) {
      return records.get(index);
    }

    @Override
    public int size() {
      return records.size();
    }

    @Override
    public boolean contains(Object o) {
      return records.contains(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
      return records.containsAll(c);
    }

    @Override
    public int indexOf(Object o) {
      return records.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
      return records.lastIndexOf(o);
    }

    @Override
    public Object[] toArray() {
      return records.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
      return records.toArray(a);
    }

    @Override
    public ListIterator<ConsumerRecord<?, ?>> listIterator(int index) {
      return records.listIterator(index);
    }

    @Override
    public List<ConsumerRecord<?, ?>> subList(int from, int to) {
      return records.subList(from, to);
    }

    @Override
    public void forEach(Consumer<? super ConsumerRecord<?, ?>> action) {
      records.forEach(action);
    }

    @Override
    public Spliterator<ConsumerRecord<?, ?>> spliterator() {
      return records.spliterator();
    }

    @Override
    public boolean equals(Object o) {
      return o == this || records.equals(o);
    }

    @Override
    public int hashCode() {
      return records.hashCode();
    }

    @Override
    public String toString() {
      return records.toString();
    }
  }
}
