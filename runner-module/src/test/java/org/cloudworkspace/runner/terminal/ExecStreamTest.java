package org.cloudworkspace.runner.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecStreamTest {

  @TempDir Path dir;

  @Test
  void plainAddressesAreUnixSocketsAndTcpWithoutTls() {
    assertEquals(
        UnixDomainSocketAddress.of("/var/run/docker.sock"),
        ExecStream.plainAddress("unix:///var/run/docker.sock", false).orElseThrow());
    assertEquals(
        new InetSocketAddress("10.0.0.5", 2375), ExecStream.plainAddress("tcp://10.0.0.5:2375", false).orElseThrow());
    assertTrue(ExecStream.plainAddress("tcp://10.0.0.5:2376", true).isEmpty());
    assertTrue(ExecStream.plainAddress("npipe:////./pipe/docker_engine", false).isEmpty());
  }

  /** An engine stand-in on a Unix socket that answers the upgrade as the Engine API does and then echoes. */
  @Test
  void startsTheExecOverTheUpgradedConnectionAndRelaysBothWays() throws Exception {
    Path socket = dir.resolve("engine.sock");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine =
          new Thread(
              () -> {
                try (SocketChannel peer = server.accept()) {
                  ByteBuffer buffer = ByteBuffer.allocate(4096);
                  while (!request.toString(StandardCharsets.US_ASCII).contains("\"Tty\":true}")) {
                    buffer.clear();
                    peer.read(buffer);
                    request.write(buffer.array(), 0, buffer.position());
                  }
                  peer.write(ByteBuffer.wrap(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream"
                      + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n$ ").getBytes(StandardCharsets.US_ASCII)));
                  buffer.clear();
                  while (peer.read(buffer) >= 0) {
                    buffer.flip();
                    peer.write(buffer);
                    buffer.clear();
                    break;
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      engine.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      CountDownLatch ended = new CountDownLatch(1);
      ExecStream stream =
          ExecStream.start(
              UnixDomainSocketAddress.of(socket),
              "0123456789abcdef0123",
              bytes -> output.writeBytes(bytes),
              ended::countDown);
      stream.send("ls\r".getBytes(StandardCharsets.US_ASCII));
      assertTrue(ended.await(10, TimeUnit.SECONDS), "the stream ends when the engine closes it");
      engine.join(10_000);
      assertEquals("$ ls\r", output.toString(StandardCharsets.US_ASCII));
      String head = request.toString(StandardCharsets.US_ASCII);
      assertTrue(head.startsWith("POST /exec/0123456789abcdef0123/start HTTP/1.1\r\n"), head);
      assertTrue(head.contains("Upgrade: tcp\r\n"), head);
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  @Test
  void anEngineRefusalIsAnError() throws Exception {
    Path socket = dir.resolve("refusing.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine =
          new Thread(
              () -> {
                try (SocketChannel peer = server.accept()) {
                  ByteArrayOutputStream request = new ByteArrayOutputStream();
                  ByteBuffer buffer = ByteBuffer.allocate(4096);
                  while (!request.toString(StandardCharsets.US_ASCII).contains("\"Tty\":true}")) {
                    buffer.clear();
                    peer.read(buffer);
                    request.write(buffer.array(), 0, buffer.position());
                  }
                  peer.write(ByteBuffer.wrap("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      engine.start();
      IOException refused =
          assertThrows(
              IOException.class,
              () -> ExecStream.start(UnixDomainSocketAddress.of(socket), "feedfacefeedface", b -> {}, () -> {}));
      assertTrue(refused.getMessage().contains("404"), refused.getMessage());
      engine.join(10_000);
    }
  }
}
