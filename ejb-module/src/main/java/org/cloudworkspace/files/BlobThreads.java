package org.cloudworkspace.files;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that hash, write and flush large uploads beside the request's thread ({@link ChunkPipe},
 * {@link Writeback}): daemon threads that need no container context, created as uploads need them and ended after a
 * minute idle.
 */
final class BlobThreads {

  private static final AtomicInteger COUNT = new AtomicInteger();

  static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "blob-io-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private BlobThreads() {}
}
