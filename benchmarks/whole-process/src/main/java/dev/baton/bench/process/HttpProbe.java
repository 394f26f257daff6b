package dev.baton.bench.process;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive loopback connection: a GET, its status and body.
 * Written on a plain socket so that the load generator costs the service as little as possible
 * and measures nothing of its own client library. Expects {@code Content-Length} answers, which
 * the bench service always sends.
 */
public final class HttpProbe implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] request;
  private int status;
  private String body;

  public HttpProbe(int port, String path, int timeoutMillis) throws IOException {
    this(port, path, "", timeoutMillis);
  }

  /** @param extraHeaders header lines sent with every request, each ending in CRLF */
  public HttpProbe(int port, String path, String extraHeaders, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    out = socket.getOutputStream();
    request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** One request on a fresh connection, closed afterwards: the answer's body, or null if not 200. */
  public static String get(int port, String path, int timeoutMillis) {
    try (HttpProbe probe = new HttpProbe(port, path, timeoutMillis)) {
      return probe.send() == 200 ? probe.body() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Sends the request and reads the whole answer; returns the status. */
  public int send() throws IOException {
    out.write(request);
    out.flush();
    String statusLine = line();
    status = Integer.parseInt(statusLine.substring(9, 12));
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      } else if (header.regionMatches(true, 0, "connection:", 0, 11)
          && header.substring(11).trim().equalsIgnoreCase("close")) {
        throw new IOException("the server closes the connection: keep-alive requests must be unlimited");
      }
    }
    if (length < 0) {
      throw new IOException("no Content-Length in the answer");
    }
    body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return status;
  }

  public String body() {
    return body;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
