package org.cloudworkspace.ide.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloudworkspace.ide.WorkspaceRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's runner terminal client against a peer on a real socket that speaks the server side of RFC 6455 byte by
 * byte (the whole path against the real runner is IdeTerminalIT).
 */
class RunnerTerminalSocketTest {

  private ServerSocket server;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void upgradesWithTheSignedHeadersAndRelaysFramesBothWays() throws Exception {
    Recorder listener = new Recorder();
    Thread peer =
        peer(
            (in, out) -> {
              String head = readHead(in);
              received.add(head);
              accept(out, head);
              // Masked text from the client, unmasked here.
              received.add(new String(readClientFrame(in, 1), StandardCharsets.UTF_8));
              // A binary message in three fragments, a ping in between, and one larger than 64 KiB.
              out.write(frame(0x02, "ab".getBytes(StandardCharsets.UTF_8), false));
              out.write(frame(0x09, "p".getBytes(StandardCharsets.UTF_8), true));
              out.write(frame(0x00, "c".getBytes(StandardCharsets.UTF_8), false));
              out.write(frame(0x00, "d".getBytes(StandardCharsets.UTF_8), true));
              byte[] large = new byte[300 * 1024];
              Arrays.fill(large, (byte) 'x');
              out.write(frame(0x02, large, true));
              out.write(frame(0x01, "{\"type\":\"exit\",\"code\":3}".getBytes(StandardCharsets.UTF_8), true));
              received.add("pong:" + new String(readClientFrame(in, 0x0A), StandardCharsets.UTF_8));
              out.write(frame(0x08, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'}, true));
              received.add("close:" + Arrays.toString(readClientFrame(in, 0x08)));
            });
    RunnerTerminalSocket socket =
        RunnerTerminalSocket.open(
            URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws/v1/workspaces/w/terminals/t?x=1"),
            new String[] {"X-Runner-Signature", "sig-value"},
            listener);
    socket.send("{\"type\":\"input\",\"data\":\"ls\\r\"}");

    String head = received.poll(5, TimeUnit.SECONDS);
    assertThat(head).startsWith("GET /ws/v1/workspaces/w/terminals/t?x=1 HTTP/1.1\r\n");
    assertThat(head).contains("X-Runner-Signature: sig-value\r\n", "Upgrade: websocket\r\n");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"input\",\"data\":\"ls\\r\"}");
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).isEqualTo("output:abcd");
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).isEqualTo("output:" + "x".repeat(300 * 1024));
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).isEqualTo("event:{\"type\":\"exit\",\"code\":3}");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("pong:p");
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).isEqualTo("closed:1000 bye");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("close:[3, -24]");
    peer.join(5000);
  }

  @Test
  void aRefusedUpgradeIsReportedAsSuch() throws Exception {
    peer(
        (in, out) -> {
          readHead(in);
          out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    assertThatThrownBy(
            () ->
                RunnerTerminalSocket.open(
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws/x"), new String[0], new Recorder()))
        .isInstanceOf(RunnerTerminalSocket.UpgradeRefused.class)
        .hasMessageContaining("404");
  }

  @Test
  void anAnswerThatDoesNotAcceptTheKeyIsAnError() throws Exception {
    peer(
        (in, out) -> {
          readHead(in);
          out.write(
              ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Accept: bm90IHRoZSByaWdodCBvbmU=\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
        });
    assertThatThrownBy(
            () ->
                RunnerTerminalSocket.open(
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws/x"), new String[0], new Recorder()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("accept");
  }

  @Test
  void theListenerLearnsWhenTheRunnerDropsTheConnection() throws Exception {
    Recorder listener = new Recorder();
    peer(
        (in, out) -> {
          accept(out, readHead(in));
          out.write(frame(0x02, "partial".getBytes(StandardCharsets.UTF_8), true));
        });
    RunnerTerminalSocket.open(
        URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws/x"), new String[0], listener);
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).isEqualTo("output:partial");
    assertThat(listener.items.poll(5, TimeUnit.SECONDS)).startsWith("closed:1006");
  }

  private interface Conversation {
    void run(InputStream in, OutputStream out) throws Exception;
  }

  private Thread peer(Conversation conversation) {
    Thread thread =
        new Thread(
            () -> {
              try (Socket socket = server.accept()) {
                conversation.run(socket.getInputStream(), socket.getOutputStream());
              } catch (Exception e) {
                received.add("peer failed: " + e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the head");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void accept(OutputStream out, String head) throws Exception {
    Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n").matcher(head);
    assertThat(key.find()).isTrue();
    String accept =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-1")
                    .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads one client frame, which must be masked and of the given opcode, and returns its unmasked payload. */
  private static byte[] readClientFrame(InputStream in, int opcode) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int first = data.readUnsignedByte();
    int second = data.readUnsignedByte();
    assertThat(first).isEqualTo(0x80 | opcode);
    assertThat(second & 0x80).as("client frames are masked").isEqualTo(0x80);
    int length = second & 0x7F;
    if (length == 126) {
      length = data.readUnsignedShort();
    } else if (length == 127) {
      length = (int) data.readLong();
    }
    byte[] mask = data.readNBytes(4);
    byte[] payload = data.readNBytes(length);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i % 4];
    }
    return payload;
  }

  private static byte[] frame(int opcode, byte[] payload, boolean fin) {
    ByteBuffer frame = ByteBuffer.allocate(payload.length + 10);
    frame.put((byte) ((fin ? 0x80 : 0) | opcode));
    if (payload.length < 126) {
      frame.put((byte) payload.length);
    } else if (payload.length < 65536) {
      frame.put((byte) 126).putShort((short) payload.length);
    } else {
      frame.put((byte) 127).putLong(payload.length);
    }
    frame.put(payload);
    return Arrays.copyOf(frame.array(), frame.position());
  }

  private static final class Recorder implements WorkspaceRuntime.TerminalListener {
    final BlockingQueue<String> items = new LinkedBlockingQueue<>();

    @Override
    public void output(ByteBuffer bytes) {
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      items.add("output:" + new String(copy, StandardCharsets.UTF_8));
    }

    @Override
    public void event(String json) {
      items.add("event:" + json);
    }

    @Override
    public void closed(int code, String reason) {
      items.add("closed:" + code + " " + reason);
    }
  }
}
