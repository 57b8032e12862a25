package org.cloudworkspace.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this app instance knows about resumable uploads in flight: which are being written right now (one request at
 * a time per upload), and the SHA-256 state after their last recorded byte, so that a file's hash needs no second
 * pass over its bytes. Lost on a restart, which costs one pass over the staged bytes of each upload resumed.
 */
@ApplicationScoped
public class UploadState {

  private static final int MAX_DIGESTS = 512;

  private record Snapshot(long offset, MessageDigest digest) {}

  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  private final Map<String, Snapshot> digests =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
          return size() > MAX_DIGESTS;
        }
      };

  /** Claims an upload for one request; false when another request of this instance is writing to it. */
  public boolean tryLock(String uploadId) {
    return busy.add(uploadId);
  }

  public void unlock(String uploadId) {
    busy.remove(uploadId);
  }

  /** A copy of the upload's SHA-256 state after exactly {@code offset} bytes, if this instance has it. */
  public Optional<MessageDigest> digestAt(String uploadId, long offset) {
    synchronized (digests) {
      Snapshot snapshot = digests.get(uploadId);
      if (snapshot == null || snapshot.offset() != offset) {
        return Optional.empty();
      }
      return Optional.of(copy(snapshot.digest()));
    }
  }

  /** Keeps a copy of the upload's SHA-256 state after {@code offset} bytes. */
  public void remember(String uploadId, long offset, MessageDigest digest) {
    MessageDigest kept = copy(digest);
    synchronized (digests) {
      digests.put(uploadId, new Snapshot(offset, kept));
    }
  }

  public void forget(String uploadId) {
    synchronized (digests) {
      digests.remove(uploadId);
    }
  }

  static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 state cannot be copied", e);
    }
  }
}
