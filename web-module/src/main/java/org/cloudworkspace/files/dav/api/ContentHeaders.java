package org.cloudworkspace.files.dav.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.api.ByteRange;
import org.cloudworkspace.files.api.ContentDisposition;
import org.cloudworkspace.files.api.ContentResponses;

/**
 * GET and HEAD of a file over WebDAV, with the same guarantees as the REST download: ETag and 304, single byte
 * ranges (206, 416, If-Range), always an attachment with nosniff and a sandboxing CSP (set by the servlet), so that
 * stored HTML or SVG never runs in our origin; the bytes streamed through a fixed buffer.
 */
final class ContentHeaders {

  private ContentHeaders() {}

  static void write(HttpServletRequest request, HttpServletResponse response, Download download, boolean withBody,
      String instance) throws IOException {
    response.setHeader("ETag", download.etag());
    response.setHeader("Last-Modified", PropertyWriter.httpDate(download.modifiedAt()));
    response.setHeader("Accept-Ranges", "bytes");
    if (matchesAny(request.getHeader("If-None-Match"), download.etag())) {
      response.setStatus(304);
      return;
    }
    String ifRange = request.getHeader("If-Range");
    ByteRange.Request wanted =
        ifRange != null && !ifRange.trim().equals(download.etag())
            ? new ByteRange.Whole()
            : ByteRange.parse(request.getHeader("Range"), download.size());
    if (wanted instanceof ByteRange.Unsatisfiable) {
      response.setHeader("Content-Range", ByteRange.unsatisfiedRange(download.size()));
      DavResponses.problem(response, 416, "range-not-satisfiable", "Range not satisfiable",
          "The requested range lies outside the file, which has " + download.size() + " bytes.", instance);
      return;
    }
    long start = 0;
    long length = download.size();
    if (wanted instanceof ByteRange.Part part) {
      start = part.range().start();
      length = part.range().length();
      response.setStatus(206);
      response.setHeader("Content-Range", part.range().contentRange(download.size()));
    } else {
      response.setStatus(200);
    }
    response.setContentType(download.mimeType() == null ? "application/octet-stream" : download.mimeType());
    response.setHeader("Content-Disposition", ContentDisposition.attachment(download.name()));
    response.setContentLengthLong(length);
    if (!withBody || length == 0) {
      return;
    }
    if (ContentResponses.sendFile(download, start, length, request, response, null)) {
      return;
    }
    OutputStream out = response.getOutputStream();
    try (InputStream in = download.content().open(start, length)) {
      DavServlet.pump(in, out);
    }
  }

  private static boolean matchesAny(String header, String etag) {
    if (header == null) {
      return false;
    }
    String current = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String part : header.split(",")) {
      String tag = part.trim();
      if ("*".equals(tag) || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(current)) {
        return true;
      }
    }
    return false;
  }
}
