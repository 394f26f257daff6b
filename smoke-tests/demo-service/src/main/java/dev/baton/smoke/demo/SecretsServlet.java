package dev.baton.smoke.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * {@code POST /secrets}: handles secrets the way careless services do, so a test can check that
 * none of them leaves through the agent. The secret values come with the request (the {@code s}
 * header, {@code name=value;...}), so the test knows every one: it sends its own in the query,
 * the {@code Authorization} and {@code Cookie} headers and the body; the servlet puts them into
 * an outbound URL's user info and query (HttpURLConnection and java.net.http), an outbound
 * {@code Authorization} header and body, SQL literals and a prepared statement's parameter, and
 * its response body.
 */
final class SecretsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient HttpClient client;

  SecretsServlet(HttpClient client) {
    this.client = client;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    java.util.Map<String, String> secrets = new java.util.HashMap<>();
    for (String pair : request.getHeader("s").split(";")) {
      String[] nameValue = pair.split("=", 2);
      secrets.put(nameValue[0], nameValue[1]);
    }
    String inboundBody = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String base = "127.0.0.1:" + request.getLocalPort();
    int legacy = postWithUrlConnection(
        "http://alice:" + secrets.get("userinfo") + "@" + base + "/downstream?api_key="
            + secrets.get("apikey") + "&X-Amz-Signature=" + secrets.get("amz") + "&page=2",
        "Basic " + secrets.get("outauth"), "card=" + secrets.get("outbody"));
    int modern;
    try {
      modern = client.send(
          HttpRequest.newBuilder(URI.create("http://" + base + "/downstream?access_token="
                  + secrets.get("token") + "&pwd=" + secrets.get("pwd") + "&q=books"))
              .header("Authorization", "Bearer " + secrets.get("outauth"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String found = queryDatabase(secrets.get("sqlliteral"), secrets.get("sqlparam"));
    response.setContentType("text/plain");
    response.getWriter().print("legacy=" + legacy + " modern=" + modern + " found=" + found
        + " echo=" + inboundBody + " " + secrets.get("responsebody"));
  }

  private static int postWithUrlConnection(String url, String authorization, String body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Authorization", authorization);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    return status;
  }

  private static String queryDatabase(String literal, String parameter) throws IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:secrets;DB_CLOSE_DELAY=-1", "sa", "");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS accounts (name VARCHAR(64), password VARCHAR(64))");
      statement.executeUpdate("INSERT INTO accounts VALUES ('bob', '" + literal + "')");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts VALUES ('carol', ?)")) {
        insert.setString(1, parameter);
        insert.executeUpdate();
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT name FROM accounts WHERE password = '" + literal + "' OR name = 'nobody'")) {
        return rows.next() ? rows.getString(1) : "nobody";
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
