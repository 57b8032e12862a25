package org.cloudworkspace.files.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only view of {@code length} bytes of a file from {@code start}, as a file channel of its own: position 0 is
 * the file's byte {@code start}, and its size is {@code length}. A ranged download hands it to {@link FileSend}, whose
 * container sends a channel from its position to its size; the transfers go to the file's own channel with shifted
 * offsets, so the kernel's {@code sendfile} still moves the bytes. Closing the view leaves the file's channel open.
 */
final class FileWindow extends FileChannel {

  private final FileChannel file;
  private final long start;
  private final long length;
  private long position;

  private FileWindow(FileChannel file, long start, long length) {
    this.file = file;
    this.start = start;
    this.length = length;
  }

  /** The view of {@code [start, start + length)} of {@code file}, which must hold those bytes. */
  static FileWindow of(FileChannel file, long start, long length) throws IOException {
    if (start < 0 || length < 0 || start + length > file.size()) {
      throw new IllegalArgumentException(
          "bytes " + start + "+" + length + " lie outside a file of " + file.size() + " bytes");
    }
    return new FileWindow(file, start, length);
  }

  @Override
  public long size() {
    return length;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public FileWindow position(long newPosition) {
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    int read = read(target, position);
    if (read > 0) {
      position += read;
    }
    return read;
  }

  @Override
  public long read(ByteBuffer[] targets, int offset, int count) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + count; i++) {
      int read = read(targets[i]);
      if (read < 0) {
        return total == 0 ? -1 : total;
      }
      total += read;
      if (targets[i].hasRemaining()) {
        break;
      }
    }
    return total;
  }

  @Override
  public int read(ByteBuffer target, long at) throws IOException {
    if (at >= length) {
      return -1;
    }
    int wanted = (int) Math.min(target.remaining(), length - at);
    ByteBuffer slice = target.slice().limit(wanted);
    int read = file.read(slice, start + at);
    if (read > 0) {
      target.position(target.position() + read);
    }
    return read;
  }

  @Override
  public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
    if (at >= length) {
      return 0;
    }
    return file.transferTo(start + at, Math.min(count, length - at), target);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
    if (mode != MapMode.READ_ONLY) {
      throw new NonWritableChannelException();
    }
    if (at < 0 || size < 0 || at + size > length) {
      throw new IllegalArgumentException("bytes " + at + "+" + size + " lie outside a view of " + length + " bytes");
    }
    return file.map(mode, start + at, size);
  }

  @Override
  public int write(ByteBuffer source) {
    throw new NonWritableChannelException();
  }

  @Override
  public long write(ByteBuffer[] sources, int offset, int count) {
    throw new NonWritableChannelException();
  }

  @Override
  public int write(ByteBuffer source, long at) {
    throw new NonWritableChannelException();
  }

  @Override
  public FileChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public long transferFrom(ReadableByteChannel source, long at, long count) {
    throw new NonWritableChannelException();
  }

  @Override
  public void force(boolean metaData) {
    // Nothing is ever written through a view.
  }

  @Override
  public FileLock lock(long at, long size, boolean shared) {
    throw new UnsupportedOperationException("A view of a file takes no locks");
  }

  @Override
  public FileLock tryLock(long at, long size, boolean shared) {
    throw new UnsupportedOperationException("A view of a file takes no locks");
  }

  @Override
  protected void implCloseChannel() {
    // The file's channel belongs to the caller.
  }
}
