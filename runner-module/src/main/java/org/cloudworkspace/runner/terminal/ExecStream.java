package org.cloudworkspace.runner.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A started TTY exec on the engine's hijacked connection ({@code POST /exec/{id}/start} with {@code Upgrade: tcp}, see
 * the Engine API), for engines reached over a Unix socket or plain TCP. Keystrokes are written to the connection by
 * the thread that received them, and one reader thread hands output to the terminal: docker-java's attach instead
 * passes every keystroke through a pipe to a copier thread, a thread hand-off per key that measurably lengthened the
 * echo on a busy machine (bench/ide.sh).
 */
final class ExecStream implements TerminalInput {

  private static final Logger LOG = Logger.getLogger(ExecStream.class.getName());
  private static final int MAX_HEAD = 16 * 1024;

  private final SocketChannel channel;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private ExecStream(SocketChannel channel) {
    this.channel = channel;
  }

  /**
   * Where the engine can be reached without TLS ({@code unix://path} or {@code tcp://host:port}), else empty (then
   * docker-java attaches).
   */
  static Optional<SocketAddress> plainAddress(String dockerHost, boolean tls) {
    if (dockerHost == null || tls) {
      return Optional.empty();
    }
    URI uri = URI.create(dockerHost);
    if ("unix".equals(uri.getScheme()) && uri.getPath() != null) {
      return Optional.of(UnixDomainSocketAddress.of(uri.getPath()));
    }
    if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
      return Optional.of(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }
    return Optional.empty();
  }

  /**
   * Starts the exec and returns once the engine switched protocols; {@code output} then gets every chunk of output on
   * the stream's own reader thread, and {@code ended} runs once when the stream ends.
   */
  static ExecStream start(SocketAddress engine, String execId, Consumer<byte[]> output, Runnable ended)
      throws IOException {
    SocketChannel channel =
        engine instanceof UnixDomainSocketAddress
            ? SocketChannel.open(StandardProtocolFamily.UNIX)
            : SocketChannel.open(StandardProtocolFamily.INET);
    try {
      if (!(engine instanceof UnixDomainSocketAddress)) {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      }
      channel.connect(engine);
      byte[] body = "{\"Detach\":false,\"Tty\":true}".getBytes(StandardCharsets.US_ASCII);
      String head =
          "POST /exec/" + execId + "/start HTTP/1.1\r\n"
              + "Host: docker\r\n"
              + "Content-Type: application/json\r\n"
              + "Connection: Upgrade\r\n"
              + "Upgrade: tcp\r\n"
              + "Content-Length: " + body.length + "\r\n\r\n";
      ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
      request.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
      writeFully(channel, request);
      byte[] early = readHead(channel);
      ExecStream stream = new ExecStream(channel);
      Thread reader = new Thread(() -> stream.pump(early, output, ended), "runner-terminal-" + execId.substring(0, 12));
      reader.setDaemon(true);
      reader.start();
      return stream;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void send(byte[] bytes) {
    if (closed || bytes.length == 0) {
      return;
    }
    synchronized (writeLock) {
      try {
        writeFully(channel, ByteBuffer.wrap(bytes));
      } catch (IOException e) {
        LOG.log(Level.FINE, "Writing to a terminal failed", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a terminal stream failed", e);
    }
  }

  private void pump(byte[] early, Consumer<byte[]> output, Runnable ended) {
    try {
      if (early.length > 0) {
        output.accept(early);
      }
      ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        if (buffer.hasRemaining()) {
          output.accept(Arrays.copyOf(buffer.array(), buffer.limit()));
        }
        buffer.clear();
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.log(Level.FINE, "A terminal stream ended with an error", e);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A terminal's output could not be delivered", e);
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing a terminal stream failed", e);
      }
      ended.run();
    }
  }

  /** Reads the response head; returns output bytes that came with it. Anything but 101 is an error. */
  private static byte[] readHead(SocketChannel channel) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    while (head.size() < MAX_HEAD) {
      buffer.clear();
      if (channel.read(buffer) < 0) {
        throw new IOException("The engine closed the connection before answering");
      }
      head.write(buffer.array(), 0, buffer.position());
      byte[] bytes = head.toByteArray();
      int end = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'});
      if (end >= 0) {
        String status = new String(bytes, 0, Math.max(0, indexOf(bytes, new byte[] {'\r', '\n'})),
            StandardCharsets.US_ASCII);
        if (!status.matches("HTTP/1\\.[01] 101 .*") && !status.matches("HTTP/1\\.[01] 101")) {
          throw new IOException("The engine refused to start the exec: " + status);
        }
        return Arrays.copyOfRange(bytes, end + 4, bytes.length);
      }
    }
    throw new IOException("The engine's answer head is too long");
  }

  private static void writeFully(SocketChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
