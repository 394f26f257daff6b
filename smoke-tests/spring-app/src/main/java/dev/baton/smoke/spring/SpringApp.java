package dev.baton.smoke.spring;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.web.client.RestClient;

/**
 * An ordinary Spring Boot web application with no tracing code. Settings come from the
 * environment: {@code DOWNSTREAM_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_TOPIC}.
 */
@SpringBootApplication
public class SpringApp {

  public static void main(String[] args) {
    SpringApplication.run(SpringApp.class, args);
  }

  /** The downstream service, through the RestClient.Builder Spring Boot configures. */
  @Bean
  RestClient downstream(RestClient.Builder builder, @Value("${app.downstream-url}") String url) {
    return builder.baseUrl(url).build();
  }

  @Bean
  NewTopic ordersTopic(@Value("${app.topic}") String topic) {
    return TopicBuilder.name(topic).partitions(1).replicas(1).build();
  }
}
