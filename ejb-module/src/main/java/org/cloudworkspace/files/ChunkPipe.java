package org.cloudworkspace.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes and writes a body on two more threads while the request's thread reads the next chunk from the socket, so
 * that a large upload costs the longest of the three (about 1 s/GiB each here) rather than their sum. The reader
 * takes a free buffer ({@link #buffer}), fills it and hands it over ({@link #submit}); the hasher updates the digests
 * and the writer writes the bytes, each in order, and the buffer is free again once both are done with it.
 * {@link #finish} waits for both and reports a failure; {@link #close} (always called) stops them if they still run,
 * so that nothing touches the file after the caller cleans up.
 */
final class ChunkPipe implements AutoCloseable {

  /** Bytes per chunk handed over: large enough that the hand-over costs nothing next to the copying. */
  static final int CHUNK_BYTES = 256 * 1024;

  private static final int CHUNKS = 4;
  private static final byte[] END = new byte[0];

  /** A filled buffer; free again when no consumer holds it any more. */
  private record Chunk(byte[] bytes, int length, AtomicInteger holders) {}

  private final FileChannel out;
  private final MessageDigest[] digests;
  private final Writeback writeback;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final int consumers;
  private final CountDownLatch done;
  private volatile IOException failure;
  private volatile boolean stopped;
  private boolean ended;

  ChunkPipe(FileChannel out, Writeback writeback, MessageDigest... digests) {
    this.out = out;
    this.writeback = writeback;
    this.digests = digests;
    this.consumers = digests.length == 0 ? 1 : 2;
    this.done = new CountDownLatch(consumers);
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK_BYTES]);
    }
    BlobThreads.POOL.execute(() -> consume(toWrite, this::write));
    if (consumers == 2) {
      BlobThreads.POOL.execute(() -> consume(toHash, this::hash));
    }
  }

  /** A free buffer to read into; throws when the writer failed. */
  byte[] buffer() throws IOException {
    while (true) {
      rethrow();
      if (done.getCount() < consumers) {
        throw new IOException("The disk writer stopped");
      }
      try {
        byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
        if (buffer != null) {
          return buffer;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for the disk");
      }
    }
  }

  /** Hands over {@code length} bytes of a buffer from {@link #buffer}; a length of 0 just gives it back. */
  void submit(byte[] buffer, int length) throws IOException {
    if (length == 0) {
      free.add(buffer);
      return;
    }
    Chunk chunk = new Chunk(buffer, length, new AtomicInteger(consumers));
    put(toWrite, chunk);
    if (consumers == 2) {
      put(toHash, chunk);
    }
  }

  /** Waits until every chunk handed over is hashed and written; throws the writer's failure. */
  void finish() throws IOException {
    end();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the disk");
    }
    rethrow();
  }

  /** Stops the writer (after the chunk it is writing) unless {@link #finish} ended it, and waits for it. */
  @Override
  public void close() {
    if (done.getCount() > 0) {
      stopped = true;
      end();
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void end() {
    if (!ended) {
      ended = true;
      // Room for the end marker is always left: at most CHUNKS chunks exist.
      Chunk end = new Chunk(END, 0, null);
      toWrite.add(end);
      toHash.add(end);
    }
  }

  private static void put(BlockingQueue<Chunk> queue, Chunk chunk) throws IOException {
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the disk");
    }
  }

  private void rethrow() throws IOException {
    IOException failed = failure;
    if (failed != null) {
      throw new IOException(failed.getMessage(), failed);
    }
  }

  /** What a consumer does with a chunk. */
  @FunctionalInterface
  private interface Step {
    void accept(Chunk chunk) throws IOException;
  }

  private void consume(BlockingQueue<Chunk> queue, Step step) {
    try {
      while (true) {
        Chunk chunk = queue.take();
        if (chunk.bytes() == END) {
          return;
        }
        if (!stopped && failure == null) {
          try {
            step.accept(chunk);
          } catch (IOException e) {
            failure = e;
          } catch (RuntimeException | Error e) {
            failure = new IOException(e);
          }
        }
        if (chunk.holders().decrementAndGet() == 0) {
          free.add(chunk.bytes());
        }
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("The disk writer was interrupted");
    } finally {
      done.countDown();
    }
  }

  private void hash(Chunk chunk) {
    for (MessageDigest digest : digests) {
      digest.update(chunk.bytes(), 0, chunk.length());
    }
  }

  private void write(Chunk chunk) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(chunk.bytes(), 0, chunk.length());
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    writeback.wrote(chunk.length());
  }
}
