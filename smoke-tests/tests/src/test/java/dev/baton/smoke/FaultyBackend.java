package dev.baton.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trace backend that is there but useless, on a fixed 127.0.0.1 port: nothing listening
 * (connections refused), a socket that accepts and never answers (a black hole: a hung collector,
 * a firewall that drops), or an HTTP server that answers 503 to everything. Closing it frees the
 * port, so a real receiver can take it over.
 */
abstract class FaultyBackend implements AutoCloseable {

  enum Kind { REFUSED, BLACK_HOLE, HTTP_503 }

  static FaultyBackend start(Kind kind, int port) throws IOException {
    switch (kind) {
      case REFUSED:
        return new FaultyBackend() {
          @Override
          public void close() {}
        };
      case BLACK_HOLE:
        return new BlackHole(port);
      case HTTP_503:
        return new Unavailable(port);
      default:
        throw new AssertionError(kind);
    }
  }

  /** A port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public abstract void close() throws IOException;

  private static final class BlackHole extends FaultyBackend {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    BlackHole(int port) throws IOException {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(server.accept()); // and never read, never answer
          }
        } catch (IOException closed) {
          // the test is done with it
        }
      }, "black-hole-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        if (!socket.isClosed()) {
          // Reset, not a graceful close: a half-closed connection would hold this port until the
          // agent's side noticed, and the receiver that takes the port over could not bind it.
          socket.setSoLinger(true, 0);
          socket.close();
        }
      }
      accepted.clear();
    }
  }

  private static final class Unavailable extends FaultyBackend {
    private final HttpServer server;

    Unavailable(int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      server.createContext("/", exchange -> {
        try (exchange) {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(503, -1);
        }
      });
      server.start();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
