package dev.baton.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 GET written on a plain socket: in a JVM where the agent instruments every HTTP
 * client, this is how a test plays the edge proxy and sends exactly the headers it means to.
 */
public final class EdgeRequest {

  private EdgeRequest() {}

  /** @param headers name, value, name, value, ... */
  public static Response get(int port, String path, String... headers) throws IOException {
    StringBuilder request = new StringBuilder()
        .append("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      return Response.parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  /** Status and body (chunked transfer decoded). */
  public record Response(int status, String body) {

    static Response parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.UTF_8);
      int headerEnd = text.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        throw new IllegalStateException("not an HTTP response: " + text);
      }
      String head = text.substring(0, headerEnd);
      int status = Integer.parseInt(head.substring(9, 12));
      String body = text.substring(headerEnd + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Response(status, body);
    }

    private static String dechunk(String body) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).trim().split(";")[0], 16);
        if (size == 0) {
          break;
        }
        // sizes count bytes; the test bodies are ASCII
        out.append(body, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      return out.toString();
    }
  }
}
