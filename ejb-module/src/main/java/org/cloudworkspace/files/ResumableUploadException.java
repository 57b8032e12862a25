package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/**
 * A request on a resumable upload that the tus protocol refuses with a status of its own: the offset does not match,
 * another request is writing, the chunk's checksum does not match, the upload is too large, or there is no such
 * upload of the caller. {@link #offset()} is the upload's durable offset where the answer should tell it (else -1).
 */
@ApplicationException(rollback = true)
public class ResumableUploadException extends DomainException {

  private static final long serialVersionUID = 1L;

  /** Why, with the HTTP status tus 1.0 gives it. */
  public enum Reason {
    NOT_FOUND(404, Kind.NOT_FOUND, "Upload not found"),
    OFFSET_MISMATCH(409, Kind.CONFLICT, "Upload offset mismatch"),
    TOO_LARGE(413, Kind.PAYLOAD_TOO_LARGE, "Upload too large"),
    BUSY(423, Kind.CONFLICT, "Upload busy"),
    CHECKSUM_MISMATCH(460, Kind.INVALID_INPUT, "Checksum mismatch");

    private final int status;
    private final Kind kind;
    private final String title;

    Reason(int status, Kind kind, String title) {
      this.status = status;
      this.kind = kind;
      this.title = title;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final long offset;

  public ResumableUploadException(Reason reason, String message, long offset) {
    super(reason.kind, reason.title, message);
    this.reason = reason;
    this.offset = offset;
  }

  static ResumableUploadException notFound(String id) {
    return new ResumableUploadException(
        Reason.NOT_FOUND,
        "There is no upload " + id + " of yours: it never existed, was cancelled, or expired. Start the upload again.",
        -1);
  }

  public Reason reason() {
    return reason;
  }

  public long offset() {
    return offset;
  }
}
