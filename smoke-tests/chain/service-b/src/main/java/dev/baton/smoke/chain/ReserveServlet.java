package dev.baton.smoke.chain;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code GET /reserve?id=...}: sends the order to the Kafka topic (keyed by its id, acknowledged
 * before answering), then asks the inventory stub with Apache HttpClient 5.
 */
final class ReserveServlet extends HttpServlet {

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final CloseableHttpClient toStub;
  private final String stub;

  ReserveServlet(KafkaProducer<String, String> producer, String topic, CloseableHttpClient toStub, String stub) {
    this.producer = producer;
    this.topic = topic;
    this.toStub = toStub;
    this.stub = stub;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = String.valueOf(request.getParameter("id"));
    try {
      RecordMetadata sent = producer.send(new ProducerRecord<>(topic, id, "reserved " + id)).get(30, TimeUnit.SECONDS);
      HttpGet inventory = new HttpGet(stub + "/inventory?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      String stock = toStub.execute(inventory, answer -> answer.getCode() + " " + EntityUtils.toString(answer.getEntity()));
      response.setContentType("text/plain");
      response.getWriter().print("reserved at " + sent.topic() + "-" + sent.partition() + "@" + sent.offset()
          + "; inventory said " + stock);
    } catch (Exception e) {
      response.sendError(502, e.toString());
    }
  }
}
