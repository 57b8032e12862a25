package org.cloudworkspace.runner.terminal;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The input side of a terminal attached through docker-java (engines reached over TLS): any thread may {@link #send}
 * bytes, the engine client's copier thread reads them. (Unlike {@link java.io.PipedInputStream} it does not break when
 * a writing thread ends.) Plain engine addresses use {@link ExecStream}, which writes without the extra thread.
 */
final class StdinPipe extends InputStream implements TerminalInput {

  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int position;
  private volatile boolean closed;

  @Override
  public void send(byte[] bytes) {
    if (!closed && bytes.length > 0) {
      chunks.add(bytes.clone());
    }
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (position >= current.length) {
      if (current == END) {
        return -1;
      }
      try {
        current = chunks.take();
        position = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      if (current == END) {
        return -1;
      }
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - position;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      chunks.add(END);
    }
  }
}
