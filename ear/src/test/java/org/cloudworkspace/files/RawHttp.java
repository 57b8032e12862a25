package org.cloudworkspace.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.cloudworkspace.it.TestServers;

/**
 * Requests written byte for byte on a socket, for what an HTTP library would not send: paths with dot segments as
 * they are, bodies shorter than their Content-Length, no length at all.
 */
final class RawHttp {

  /** The status code and the whole answer as text. */
  record Answer(int status, String text) {}

  private RawHttp() {}

  /** Sends a request with a body (may be null) and reads the answer until the server closes the connection. */
  static Answer send(String method, String rawPath, String token, String headers, byte[] body) {
    return exchange(method, rawPath, token, headers, body, false);
  }

  /**
   * Announces {@code announced} bytes, sends only {@code body}, then closes its sending side: the server sees the
   * body end early.
   */
  static Answer sendShort(String rawPath, String token, long announced, byte[] body) {
    return exchange(
        "PUT", rawPath, token, "Content-Type: application/octet-stream\r\nContent-Length: " + announced + "\r\n", body,
        true);
  }

  private static Answer exchange(String method, String rawPath, String token, String headers, byte[] body,
      boolean halfClose) {
    URI base = TestServers.appUrl();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
      head.append("Connection: close\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (headers != null) {
        head.append(headers);
      }
      if (body != null && !halfClose && (headers == null || !headers.contains("Content-Length"))) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      String text = readAll(socket.getInputStream());
      int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Answer(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        buffer.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException closed) {
      // what arrived is the answer
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
