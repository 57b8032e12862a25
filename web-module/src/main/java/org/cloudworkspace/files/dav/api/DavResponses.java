package org.cloudworkspace.files.dav.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.error.Problems;

/** Answers of the WebDAV servlet: RFC 9457 problem details, WebDAV XML error bodies and multistatus documents. */
final class DavResponses {

  static final String XML = "application/xml; charset=utf-8";

  static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

  private static final Jsonb JSONB = JsonbBuilder.create();

  private DavResponses() {}

  /** A problem-details answer with the standard title of the status. */
  static void problem(HttpServletResponse response, int status, String detail, String instance) throws IOException {
    problem(response, status, Problems.slugOf(status), Problems.titleOf(status), detail, instance);
  }

  static void problem(HttpServletResponse response, int status, String slug, String title, String detail,
      String instance) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(ProblemDetails.MEDIA_TYPE);
    byte[] body =
        JSONB.toJson(ProblemDetails.of(slug, title, status, detail, instance)).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * A WebDAV error body ({@code <d:error>} with a precondition element, RFC 4918 section 16) for the statuses whose
   * meaning WebDAV clients read from it, such as 423 Locked.
   */
  static void davError(HttpServletResponse response, int status, String condition, String href) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    StringBuilder xml = new StringBuilder(XML_HEAD).append("<d:error xmlns:d=\"DAV:\"><d:").append(condition);
    if (href == null) {
      xml.append("/>");
    } else {
      xml.append("><d:href>");
      DavXml.escape(href, xml);
      xml.append("</d:href></d:").append(condition).append('>');
    }
    xml.append("</d:error>\n");
    xml(response, status, xml);
  }

  /** Writes an XML answer from a builder. */
  static void xml(HttpServletResponse response, int status, CharSequence xml) throws IOException {
    byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(XML);
    response.setContentLength(body.length);
    OutputStream out = response.getOutputStream();
    out.write(body);
  }

  /** The status line used in multistatus bodies. */
  static String statusLine(int status) {
    return "HTTP/1.1 " + status + " " + switch (status) {
      case 200 -> "OK";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 423 -> "Locked";
      case 424 -> "Failed Dependency";
      case 507 -> "Insufficient Storage";
      default -> "Status";
    };
  }
}
