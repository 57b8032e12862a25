package org.cloudworkspace.files.sharing.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The announced length of an upload body: Content-Length, -1 when chunked, or null when neither (answer 411). */
final class UploadBodies {

  private UploadBodies() {}

  static Long length(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    String transferEncoding = request.getHeader("Transfer-Encoding");
    boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    if (chunked) {
      return -1L;
    }
    return length < 0 ? null : length;
  }

  static final String LENGTH_REQUIRED = "Send the file's size in Content-Length, or send the body chunked.";
}
