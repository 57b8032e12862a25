package org.cloudworkspace.files.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window of a file behaves as a read-only file channel of just those bytes, the way the container sends it. */
class FileWindowTest {

  @TempDir Path folder;

  private byte[] content;
  private Path file;

  @BeforeEach
  void writeFile() throws IOException {
    content = new byte[3_000_000];
    new Random(7).nextBytes(content);
    file = Files.write(folder.resolve("blob"), content);
  }

  /**
   * What Liberty's channel does with a file channel: transfer from its position up to its size into the socket, in
   * pieces of at most 4,096,000 bytes. The receiving end of a loopback socket gets exactly the window's bytes.
   */
  @Test
  void transfersToASocketSendExactlyTheWindow() throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
        try (SocketChannel peer = server.accept()) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
          while (peer.read(buffer) >= 0) {
            bytes.write(buffer.array(), 0, buffer.position());
            buffer.clear();
          }
          return bytes.toByteArray();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      FileWindow window = FileWindow.of(channel, 1_000_001, 1_500_000);
      try (SocketChannel socket = SocketChannel.open(server.getLocalAddress())) {
        long sent = 0;
        while (window.position() + sent < window.size()) {
          sent += window.transferTo(window.position() + sent,
              Math.min(4_096_000, window.size() - sent), socket);
        }
        assertThat(sent).isEqualTo(1_500_000);
      }
      assertThat(received.get()).isEqualTo(Arrays.copyOfRange(content, 1_000_001, 2_500_001));
      assertThat(channel.isOpen()).isTrue();
    }
  }

  @Test
  void readsAndMapsStayInsideTheWindow() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileWindow window = FileWindow.of(channel, 2_999_000, 1_000);
      assertThat(window.size()).isEqualTo(1_000);
      assertThat(window.position()).isZero();

      ByteBuffer buffer = ByteBuffer.allocate(4_096);
      assertThat(window.read(buffer)).isEqualTo(1_000);
      assertThat(Arrays.copyOf(buffer.array(), 1_000)).isEqualTo(Arrays.copyOfRange(content, 2_999_000, 3_000_000));
      assertThat(window.position()).isEqualTo(1_000);
      assertThat(window.read(ByteBuffer.allocate(10))).isEqualTo(-1);
      assertThat(window.transferTo(1_000, 10, null)).isZero();

      ByteBuffer at = ByteBuffer.allocate(10);
      assertThat(window.read(at, 990)).isEqualTo(10);
      assertThat(at.array()).isEqualTo(Arrays.copyOfRange(content, 2_999_990, 3_000_000));

      MappedByteBuffer mapped = window.map(FileChannel.MapMode.READ_ONLY, 500, 500);
      byte[] mappedBytes = new byte[500];
      mapped.get(mappedBytes);
      assertThat(mappedBytes).isEqualTo(Arrays.copyOfRange(content, 2_999_500, 3_000_000));
      assertThatThrownBy(() -> window.map(FileChannel.MapMode.READ_ONLY, 500, 501))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aWindowOutsideTheFileIsRefusedAndNothingCanBeWritten() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      assertThatThrownBy(() -> FileWindow.of(channel, 2_999_999, 2)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> FileWindow.of(channel, -1, 1)).isInstanceOf(IllegalArgumentException.class);
      FileWindow window = FileWindow.of(channel, 0, 10);
      assertThatThrownBy(() -> window.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> window.write(ByteBuffer.allocate(1), 0)).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> window.truncate(1)).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> window.map(FileChannel.MapMode.READ_WRITE, 0, 1))
          .isInstanceOf(NonWritableChannelException.class);
      window.close();
      assertThat(channel.isOpen()).isTrue();
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
  }
}
