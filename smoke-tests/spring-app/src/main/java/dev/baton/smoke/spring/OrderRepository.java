package dev.baton.smoke.spring;

import org.springframework.data.repository.CrudRepository;

/** Spring Data JDBC repository: its statements run on HikariCP connections. */
public interface OrderRepository extends CrudRepository<PlacedOrder, Long> {}
