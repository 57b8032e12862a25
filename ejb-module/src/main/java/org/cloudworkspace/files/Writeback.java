package org.cloudworkspace.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Starts the kernel's writeback of a file while it is still being written. A large upload otherwise sits in the page
 * cache until its final fsync, which then writes all of it while the client waits (about 2 s for 1 GiB here). Every
 * {@link #STEP} bytes, a background thread flushes what is written so far; the final fsync waits only for the tail.
 * The background flushes are an optimisation: the caller's own final {@code force} is what makes the file durable
 * and reports errors.
 */
final class Writeback implements AutoCloseable {

  /** Flush after this many new bytes; small files never start one. */
  static final long STEP = 16L << 20;

  private final FileChannel channel;
  private long unflushed;
  private Future<?> inFlight;

  Writeback(FileChannel channel) {
    this.channel = channel;
  }

  /** {@code n} more bytes were written. */
  void wrote(long n) {
    unflushed += n;
    if (unflushed >= STEP && (inFlight == null || inFlight.isDone())) {
      unflushed = 0;
      inFlight = BlobThreads.POOL.submit(this::flush);
    }
  }

  private Void flush() throws IOException {
    channel.force(false);
    return null;
  }

  /** Waits for a flush in flight, so that the channel is not closed under it; its failure is left to the caller. */
  @Override
  public void close() {
    Future<?> last = inFlight;
    if (last == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        last.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
