package dev.baton.smoke.spring;

import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** Places an order: asks downstream for the price, stores the order, announces it on Kafka. */
@RestController
public class OrderController {

  private final RestClient downstream;
  private final OrderRepository orders;
  private final KafkaTemplate<String, String> kafka;
  private final String topic;

  public OrderController(RestClient downstream, OrderRepository orders,
      KafkaTemplate<String, String> kafka, @Value("${app.topic}") String topic) {
    this.downstream = downstream;
    this.orders = orders;
    this.kafka = kafka;
    this.topic = topic;
  }

  @GetMapping("/orders/{id}")
  public String placeOrder(@PathVariable("id") String id) throws Exception {
    String price = downstream.get().uri("/prices/{id}", id).retrieve().body(String.class);
    PlacedOrder saved = orders.save(PlacedOrder.placed(id, price));
    PlacedOrder stored = orders.findById(saved.id()).orElseThrow();
    kafka.send(topic, String.valueOf(stored.id()), stored.item()).get(30, TimeUnit.SECONDS);
    return "order " + stored.id() + " for " + stored.item() + " at " + stored.price();
  }
}
