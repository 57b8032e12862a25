package org.cloudworkspace.runner.terminal;

/** The most recent output of a terminal, at most {@link #CAPACITY} bytes; older bytes are overwritten. */
final class OutputRing {

  /** How much output is kept for a client that re-attaches: 256 KiB. */
  static final int CAPACITY = 256 * 1024;

  private final byte[] buffer;
  private int start;
  private int length;

  OutputRing() {
    this(CAPACITY);
  }

  OutputRing(int capacity) {
    this.buffer = new byte[capacity];
  }

  /** Appends bytes, dropping the oldest when full. */
  void append(byte[] bytes) {
    int offset = Math.max(0, bytes.length - buffer.length);
    for (int i = offset; i < bytes.length; i++) {
      int end = (start + length) % buffer.length;
      buffer[end] = bytes[i];
      if (length < buffer.length) {
        length++;
      } else {
        start = (start + 1) % buffer.length;
      }
    }
  }

  /** A copy of what is kept, oldest byte first. */
  byte[] snapshot() {
    byte[] copy = new byte[length];
    int first = Math.min(length, buffer.length - start);
    System.arraycopy(buffer, start, copy, 0, first);
    System.arraycopy(buffer, 0, copy, first, length - first);
    return copy;
  }

  int size() {
    return length;
  }
}
