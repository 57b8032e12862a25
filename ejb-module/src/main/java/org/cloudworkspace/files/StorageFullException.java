package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** The bytes do not fit: in the user's quota, or on the server's disk. Says how much is free. */
@ApplicationException(rollback = true)
public class StorageFullException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final long freeBytes;

  private StorageFullException(String message, long freeBytes) {
    super(Kind.INSUFFICIENT_STORAGE, "Not enough storage", message);
    this.freeBytes = freeBytes;
  }

  /** Over the user's quota; {@code needed} is -1 when the size was not known in advance. */
  static StorageFullException quota(long needed, long freeBytes, long quota) {
    String need = needed >= 0 ? "This needs " + Bytes.describe(needed) + ", but only " : "Only ";
    return new StorageFullException(
        need + Bytes.describe(freeBytes) + " of your " + Bytes.format(quota)
            + " quota is free. Delete files, empty the trash or remove old versions to make room.",
        freeBytes);
  }

  /** The server's disk is fuller than the quota suggests. */
  static StorageFullException disk(long needed, long usable) {
    return new StorageFullException(
        "The server's storage is full: this needs " + Bytes.describe(needed) + ", but only "
            + Bytes.describe(usable) + " is left on the server. Tell your administrator.",
        usable);
  }

  public long freeBytes() {
    return freeBytes;
  }
}
