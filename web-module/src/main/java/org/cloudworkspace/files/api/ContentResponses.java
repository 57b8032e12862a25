package org.cloudworkspace.files.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.files.Archive;
import org.cloudworkspace.files.Download;

/**
 * Responses that carry user content. User content never runs in our origin: it is an attachment unless inline was
 * asked for a safe type, the browser must not sniff another type, and a sandboxing CSP replaces the SPA's policy. The
 * bytes are streamed through a fixed buffer, never held whole in memory.
 */
public final class ContentResponses {

  /** The policy of every response with user content: no script, no plugins, no same-origin rights. */
  static final String SANDBOX_CSP = "sandbox; default-src 'none'";

  private static final int BUFFER_BYTES = 64 * 1024;

  /** Large writes: fewer trips through the servlet output stream and the socket for big files. */
  private static final int DOWNLOAD_BUFFER_BYTES = 256 * 1024;

  private ContentResponses() {}

  /**
   * The answer to a download: 304 when {@code If-None-Match} names the current tag, 206 for a single satisfiable
   * range (unless {@code If-Range} names another tag), 416 for an unsatisfiable one, else 200 with everything.
   */
  public static Response download(Download download, String range, String ifNoneMatch, String ifRange,
      boolean inlineWanted, HttpServletRequest request, HttpServletResponse servlet, String instance) {
    protect(servlet);
    String disposition =
        inlineWanted && InlineTypes.allowsInline(download.mimeType())
            ? ContentDisposition.inline(download.name())
            : ContentDisposition.attachment(download.name());
    if (EntityTags.anyMatchesWeakly(ifNoneMatch, download.etag())) {
      return common(Response.notModified(), download).build();
    }
    ByteRange.Request wanted = wanted(download, range, ifRange);
    if (wanted instanceof ByteRange.Unsatisfiable) {
      return common(Response.status(416), download)
          .header("Content-Range", ByteRange.unsatisfiedRange(download.size()))
          .type(ProblemDetails.MEDIA)
          .entity(
              ProblemDetails.of(
                  "range-not-satisfiable", "Range not satisfiable", 416,
                  "The requested range lies outside the file, which has " + download.size() + " bytes.", instance))
          .build();
    }
    long start = 0;
    long length = download.size();
    Response.ResponseBuilder response;
    if (wanted instanceof ByteRange.Part part) {
      start = part.range().start();
      length = part.range().length();
      response = Response.status(206).header("Content-Range", part.range().contentRange(download.size()));
    } else {
      response = Response.ok();
    }
    if (length >= DOWNLOAD_BUFFER_BYTES) {
      // The container's response buffer (32 KiB by default) takes the large writes in one piece each.
      servlet.setBufferSize(DOWNLOAD_BUFFER_BYTES);
    }
    long from = start;
    long count = length;
    StreamingOutput body = output -> {
      if (!sendFile(download, from, count, request, servlet, output)) {
        copy(download, from, count, output);
      }
    };
    return common(response, download)
        .entity(body)
        .type(download.mimeType() == null ? "application/octet-stream" : download.mimeType())
        .header("Content-Length", Long.toString(length))
        .header("Content-Disposition", disposition)
        .build();
  }

  /**
   * Whether {@link #download} answers these headers with the whole body (200): no matching {@code If-None-Match}
   * (304), no satisfiable or unsatisfiable single range (206, 416) unless {@code If-Range} names another tag.
   */
  public static boolean sendsWholeBody(Download download, String range, String ifNoneMatch, String ifRange) {
    if (EntityTags.anyMatchesWeakly(ifNoneMatch, download.etag())) {
      return false;
    }
    return wanted(download, range, ifRange) instanceof ByteRange.Whole;
  }

  private static ByteRange.Request wanted(Download download, String range, String ifRange) {
    return ifRange != null && !EntityTags.matchesStrongly(ifRange, download.etag())
        ? new ByteRange.Whole()
        : ByteRange.parse(range, download.size());
  }

  /** A folder as a zip built while it is sent; no archive ever exists on disk or in memory. */
  public static Response zip(Archive archive, HttpServletResponse servlet) {
    protect(servlet);
    StreamingOutput body =
        output -> {
          ZipOutputStream zip = new ZipOutputStream(output);
          zip.setLevel(Deflater.BEST_SPEED);
          byte[] buffer = new byte[BUFFER_BYTES];
          for (Archive.Entry entry : archive.entries()) {
            ZipEntry zipEntry = new ZipEntry(entry.path());
            zipEntry.setTime(entry.modifiedAt().toEpochMilli());
            zip.putNextEntry(zipEntry);
            if (!entry.folder()) {
              try (InputStream in = entry.content().open(0, entry.size())) {
                pump(in, zip, buffer);
              }
            }
            zip.closeEntry();
          }
          zip.finish();
          zip.flush();
        };
    return Response.ok(body)
        .type("application/zip")
        .header("Content-Disposition", ContentDisposition.attachment(archive.fileName()))
        .build();
  }

  /** Headers every content response carries, whatever its status. */
  private static Response.ResponseBuilder common(Response.ResponseBuilder response, Download download) {
    return response
        .header("ETag", download.etag())
        .header("Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(download.modifiedAt().atOffset(ZoneOffset.UTC)))
        .header("Accept-Ranges", "bytes");
  }

  /**
   * Replaces the SPA's CSP (set by the security-headers filter) with the sandbox, and lets browsers keep a private
   * copy that they must revalidate with the entity tag.
   */
  private static void protect(HttpServletResponse servlet) {
    servlet.setHeader("Content-Security-Policy", SANDBOX_CSP);
    servlet.setHeader("X-Content-Type-Options", "nosniff");
    servlet.setHeader("Cache-Control", "private, no-cache");
  }

  /**
   * {@code length} bytes of the content from {@code start} (all of it, or the range of a 206) with the container's
   * file send; false (nothing written) where there is none.
   */
  public static boolean sendFile(Download download, long start, long length, HttpServletRequest request,
      HttpServletResponse servlet, OutputStream output) throws IOException {
    if (length == 0) {
      return false;
    }
    try (FileChannel channel = download.content().channel()) {
      if (channel == null || channel.size() != download.size()) {
        return false;
      }
      boolean whole = start == 0 && length == download.size();
      return FileSend.send(request, servlet, output, whole ? channel : FileWindow.of(channel, start, length));
    }
  }

  private static void copy(Download download, long offset, long length, OutputStream output) throws IOException {
    if (length == 0) {
      return;
    }
    try (InputStream in = download.content().open(offset, length)) {
      pump(in, output, new byte[(int) Math.min(DOWNLOAD_BUFFER_BYTES, Math.max(length, 8192))]);
    }
  }

  private static void pump(InputStream in, OutputStream out, byte[] buffer) throws IOException {
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
  }
}
