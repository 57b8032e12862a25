package org.cloudworkspace.it;

import jakarta.json.Json;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A terminal WebSocket client for the tests (Tyrus): collects binary output as text and text events, sends input and
 * resize messages. Extra headers (signature, Origin) go on the upgrade request.
 */
public final class TerminalSocket implements AutoCloseable {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private Session session;
  private int handshakeStatus;

  private TerminalSocket() {}

  /** Opens a connection; throws {@link DeploymentException} when the upgrade is refused. */
  public static TerminalSocket connect(URI uri, Map<String, String> headers) throws DeploymentException, IOException {
    TerminalSocket socket = new TerminalSocket();
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> request) {
                    headers.forEach((name, value) -> request.put(name, List.of(value)));
                  }

                  @Override
                  public void afterResponse(HandshakeResponse response) {}
                })
            .build();
    ClientManager client = ClientManager.createClient();
    socket.session =
        client.connectToServer(
            new Endpoint() {
              @Override
              public void onOpen(Session session, EndpointConfig endpointConfig) {
                session.addMessageHandler(
                    ByteBuffer.class,
                    (MessageHandler.Whole<ByteBuffer>)
                        buffer -> {
                          byte[] bytes = new byte[buffer.remaining()];
                          buffer.get(bytes);
                          synchronized (socket.output) {
                            socket.output.write(bytes, 0, bytes.length);
                            socket.output.notifyAll();
                          }
                        });
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) socket.events::add);
              }

              @Override
              public void onClose(Session session, CloseReason closeReason) {
                socket.closed.complete(closeReason);
                synchronized (socket.output) {
                  socket.output.notifyAll();
                }
              }
            },
            config,
            uri);
    return socket;
  }

  /** Sends keystrokes. */
  public void type(String text) throws IOException {
    session.getBasicRemote().sendText(Json.createObjectBuilder().add("type", "input").add("data", text).build().toString());
  }

  /** Asks for a new size. */
  public void resize(int cols, int rows) throws IOException {
    session
        .getBasicRemote()
        .sendText(Json.createObjectBuilder().add("type", "resize").add("cols", cols).add("rows", rows).build().toString());
  }

  /** Sends a raw text frame. */
  public void sendText(String text) throws IOException {
    session.getBasicRemote().sendText(text);
  }

  /** Everything received so far, as UTF-8 text. */
  public String output() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  /** Bytes received so far. */
  public int outputBytes() {
    synchronized (output) {
      return output.size();
    }
  }

  /** Waits until the output contains {@code text}; fails the test with the output seen otherwise. */
  public String awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      while (!output.toString(StandardCharsets.UTF_8).contains(text)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("No '" + text + "' in the terminal output within " + timeout + ":\n" + output());
        }
        output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  /** Text events received (e.g. the exit message). */
  public List<String> events() {
    return events;
  }

  /** The close reason once the server closed the connection. */
  public CloseReason awaitClose(Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void close() throws IOException {
    if (session != null && session.isOpen()) {
      session.close();
    }
  }
}
