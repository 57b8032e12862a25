package org.cloudworkspace.files;

import java.io.IOException;
import java.io.InputStream;

/** Opens the bytes of a file or version for streaming; opened only when the response body is written. */
@FunctionalInterface
public interface ContentSource {

  /** {@code length} bytes from {@code offset}. The caller closes the stream. */
  InputStream open(long offset, long length) throws IOException;
}
