package dev.baton.smoke.spring;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Consumes the announced orders: notifies downstream and marks the order as notified. */
@Component
public class OrderListener {

  private final RestClient downstream;
  private final OrderRepository orders;

  public OrderListener(RestClient downstream, OrderRepository orders) {
    this.downstream = downstream;
    this.orders = orders;
  }

  @KafkaListener(topics = "${app.topic}")
  public void onOrder(ConsumerRecord<String, String> record) {
    long id = Long.parseLong(record.key());
    downstream.get().uri("/notify?order={id}", id).retrieve().toBodilessEntity();
    orders.save(orders.findById(id).orElseThrow().notified());
  }
}
