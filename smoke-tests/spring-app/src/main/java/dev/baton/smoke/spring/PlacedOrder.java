package dev.baton.smoke.spring;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the application's own table (created by schema.sql); no id until it is inserted. */
@Table("spring_app_orders")
public record PlacedOrder(@Id Long id, String item, String price, String status) {

  static PlacedOrder placed(String item, String price) {
    return new PlacedOrder(null, item, price, "PLACED");
  }

  PlacedOrder notified() {
    return new PlacedOrder(id, item, price, "NOTIFIED");
  }
}
