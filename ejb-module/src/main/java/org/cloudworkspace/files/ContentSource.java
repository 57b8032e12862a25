package org.cloudworkspace.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/** Opens the bytes of a file or version for streaming; opened only when the response body is written. */
@FunctionalInterface
public interface ContentSource {

  /** {@code length} bytes from {@code offset}. The caller closes the stream. */
  InputStream open(long offset, long length) throws IOException;

  /**
   * The whole content as a file channel (for a zero-copy send), or null when the storage has no local file. The caller
   * closes the channel.
   */
  default FileChannel channel() throws IOException {
    return null;
  }

  /** The content of a blob in {@code store}. */
  static ContentSource ofBlob(BlobStore store, String blobId) {
    return new ContentSource() {
      @Override
      public InputStream open(long offset, long length) throws IOException {
        return store.open(blobId, offset, length);
      }

      @Override
      public FileChannel channel() throws IOException {
        return store.channel(blobId);
      }
    };
  }
}
