package org.cloudworkspace.ide.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.cloudworkspace.ide.WorkspaceRuntime;

/**
 * The app's end of one runner terminal stream: a WebSocket client (RFC 6455) on a blocking socket with TCP_NODELAY.
 * Keystrokes are written by the thread that received them from the browser; one reader thread per connection reads
 * the runner's frames and hands them to the listener. A general-purpose client (Tyrus on Grizzly) passed every frame
 * from a selector thread to a worker thread and re-armed its selector and idle timer per message: a thread hand-off
 * and measurable CPU per keystroke on the echo path (bench/ide.sh).
 */
final class RunnerTerminalSocket implements WorkspaceRuntime.TerminalConnection {

  /** The runner answered the upgrade with something other than 101 (no such terminal, or a bad signature). */
  static final class UpgradeRefused extends Exception {
    UpgradeRefused(String status) {
      super(status);
    }
  }

  private static final Logger LOG = Logger.getLogger(RunnerTerminalSocket.class.getName());
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TIMEOUT_MS = 10_000;
  private static final int MAX_HEAD = 16 * 1024;
  // The runner sends at most its kept output (256 KiB) in one message; anything far larger is a broken stream.
  private static final int MAX_MESSAGE = 8 * 1024 * 1024;
  private static final int TEXT = 1;
  private static final int BINARY = 2;
  private static final int CLOSE = 8;
  private static final int PING = 9;
  private static final int PONG = 10;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final WorkspaceRuntime.TerminalListener listener;
  private final Object writeLock = new Object();
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();

  private RunnerTerminalSocket(Socket socket, InputStream in, WorkspaceRuntime.TerminalListener listener)
      throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.listener = listener;
  }

  /**
   * Connects, sends the upgrade with the given headers (name, value, name, value...) and starts reading. Returns once
   * the runner switched protocols.
   */
  static RunnerTerminalSocket open(URI uri, String[] headers, WorkspaceRuntime.TerminalListener listener)
      throws IOException, UpgradeRefused {
    boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MS);
      if (tls) {
        SSLSocket ssl =
            (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, uri.getHost(), port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        socket = ssl;
      }
      socket.setSoTimeout(TIMEOUT_MS);
      byte[] nonce = new byte[16];
      RANDOM.nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      StringBuilder request = new StringBuilder();
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      request.append("GET ").append(target).append(" HTTP/1.1\r\n");
      request.append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n");
      request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
      request.append("Sec-WebSocket-Key: ").append(key).append("\r\nSec-WebSocket-Version: 13\r\n");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      checkAnswer(readHead(in), key);
      socket.setSoTimeout(0);
      RunnerTerminalSocket stream = new RunnerTerminalSocket(socket, in, listener);
      Thread reader = new Thread(stream::read, "app-terminal-stream");
      reader.setDaemon(true);
      reader.setContextClassLoader(RunnerTerminalSocket.class.getClassLoader());
      reader.start();
      return stream;
    } catch (IOException | UpgradeRefused | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public void send(String json) {
    if (closeSent.get()) {
      return;
    }
    try {
      write(TEXT, json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Sending to the runner's terminal failed", e);
    }
  }

  @Override
  public void close() {
    sendClose(1000);
    closeSocket();
  }

  private void read() {
    int code = 1006;
    String reason = "The runner's terminal stream broke";
    try {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      int messageType = 0;
      while (true) {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
          throw new EOFException("The runner closed the terminal stream");
        }
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        long length = second & 0x7F;
        if (length == 126) {
          length = (readByte() << 8) | readByte();
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | readByte();
          }
        }
        byte[] mask = null;
        if ((second & 0x80) != 0) {
          mask = in.readNBytes(4);
        }
        if (length < 0 || length + message.size() > MAX_MESSAGE) {
          sendClose(1009);
          throw new IOException("A terminal message from the runner is too large");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
          throw new EOFException("The runner closed the terminal stream mid-frame");
        }
        if (mask != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
          }
        }
        if (opcode == CLOSE) {
          code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
          reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
          sendClose(code == 1005 ? 1000 : code);
          return;
        }
        if (opcode == PING) {
          write(PONG, payload);
          continue;
        }
        if (opcode == PONG) {
          continue;
        }
        if (opcode == TEXT || opcode == BINARY) {
          messageType = opcode;
          message.reset();
        }
        if (fin && message.size() == 0) {
          deliver(messageType, payload);
        } else {
          message.write(payload);
          if (fin) {
            deliver(messageType, message.toByteArray());
            message.reset();
          }
        }
      }
    } catch (IOException e) {
      if (!closeSent.get()) {
        LOG.log(Level.FINE, "The runner's terminal stream ended", e);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A terminal's output could not be delivered", e);
    } finally {
      closeSocket();
      if (ended.compareAndSet(false, true)) {
        listener.closed(code, reason);
      }
    }
  }

  private void deliver(int type, byte[] payload) {
    if (type == BINARY) {
      listener.output(ByteBuffer.wrap(payload));
    } else if (type == TEXT) {
      listener.event(new String(payload, StandardCharsets.UTF_8));
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("The runner closed the terminal stream mid-frame");
    }
    return b;
  }

  private void sendClose(int code) {
    if (closeSent.compareAndSet(false, true)) {
      try {
        write(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the runner's terminal stream failed", e);
      }
    }
  }

  /** One frame, masked as a client's must be, written in one call. */
  private void write(int opcode, byte[] payload) throws IOException {
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
    byte[] frame = new byte[header + 4 + n];
    frame[0] = (byte) (0x80 | opcode);
    if (n < 126) {
      frame[1] = (byte) (0x80 | n);
    } else if (n < 65536) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (n >> 8);
      frame[3] = (byte) n;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
      }
    }
    int maskAt = header;
    int mask = RANDOM.nextInt();
    for (int i = 0; i < 4; i++) {
      frame[maskAt + i] = (byte) (mask >>> (24 - 8 * i));
    }
    for (int i = 0; i < n; i++) {
      frame[maskAt + 4 + i] = (byte) (payload[i] ^ frame[maskAt + (i & 3)]);
    }
    synchronized (writeLock) {
      out.write(frame);
      out.flush();
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the runner's terminal socket failed", e);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("The runner closed the connection during the upgrade");
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("The runner's upgrade answer is too long");
      }
      last4 = (last4 << 8) | b;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void checkAnswer(String head, String key) throws UpgradeRefused, IOException {
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[1].equals("101")) {
      throw new UpgradeRefused(lines[0]);
    }
    String expected;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      expected = Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
    }
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")
          && line.substring(colon + 1).trim().equals(expected)) {
        return;
      }
    }
    throw new IOException("The runner's upgrade answer does not accept our key");
  }
}
