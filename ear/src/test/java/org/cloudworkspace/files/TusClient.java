package org.cloudworkspace.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;

/** A tus 1.0 client for the tests, on top of a signed-in {@link ApiClient}; every request says Tus-Resumable. */
final class TusClient {

  static final String ENDPOINT = "/api/files/uploads";

  private final ApiClient client;

  TusClient(ApiClient client) {
    this.client = client;
  }

  static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Upload-Metadata from pairs of key and (unencoded) value. */
  static String metadata(Map<String, String> pairs) {
    return pairs.entrySet().stream().map(e -> e.getKey() + " " + b64(e.getValue())).collect(Collectors.joining(","));
  }

  static Map<String, String> meta(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  Reply create(long length, Map<String, String> metadata) {
    return client.send(
        client.http11(ENDPOINT)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(length))
            .header("Upload-Metadata", metadata(metadata))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates an upload and returns its path (from Location), failing the test unless 201. */
  String start(long length, Map<String, String> metadata) {
    Reply reply = create(length, metadata);
    if (reply.status() != 201) {
      throw new AssertionError("create: " + reply.status() + " " + reply.body());
    }
    return URI.create(reply.header("Location").orElseThrow()).getRawPath();
  }

  Reply head(String path) {
    return client.send(
        client.http11(path).header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  long offset(String path) {
    Reply reply = head(path);
    if (reply.status() != 200) {
      throw new AssertionError("HEAD: " + reply.status());
    }
    return Long.parseLong(reply.header("Upload-Offset").orElseThrow());
  }

  Reply patch(String path, long offset, byte[] body, String checksum) {
    HttpRequest.Builder builder =
        client.http11(path)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
    if (checksum != null) {
      builder.header("Upload-Checksum", checksum);
    }
    return client.send(builder);
  }

  Reply delete(String path) {
    return client.send(client.http11(path).header("Tus-Resumable", "1.0.0").DELETE());
  }

  /** Sends all of {@code content} from the upload's current offset, in chunks, retrying while the upload is busy. */
  Reply finish(String path, byte[] content, int chunk) throws InterruptedException {
    Reply last = null;
    long offset = offset(path);
    while (offset < content.length) {
      int n = (int) Math.min(chunk, content.length - offset);
      byte[] part = java.util.Arrays.copyOfRange(content, (int) offset, (int) offset + n);
      last = patch(path, offset, part, null);
      if (last.status() == 423) {
        Thread.sleep(200);
        offset = offset(path);
        continue;
      }
      if (last.status() != 204) {
        throw new AssertionError("PATCH at " + offset + ": " + last.status() + " " + last.body());
      }
      offset = Long.parseLong(last.header("Upload-Offset").orElseThrow());
    }
    return last;
  }

  /**
   * A PATCH that announces all of {@code announced} bytes, sends only the first {@code sent}, and then drops the
   * connection (a reset, as when a network goes away).
   */
  void patchAndDrop(String path, long offset, byte[] announced, int sent) {
    URI base = TestServers.appUrl();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      String head =
          "PATCH " + path + " HTTP/1.1\r\n"
              + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
              + "Authorization: Bearer " + client.accessToken() + "\r\n"
              + "X-Forwarded-For: " + client.address() + "\r\n"
              + "Tus-Resumable: 1.0.0\r\n"
              + "Upload-Offset: " + offset + "\r\n"
              + "Content-Type: application/offset+octet-stream\r\n"
              + "Content-Length: " + announced.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(announced, 0, sent);
      out.flush();
      Thread.sleep(300);
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String checksum(String algorithm, byte[] bytes) {
    try {
      String java = algorithm.equals("sha1") ? "SHA-1" : "SHA-256";
      return algorithm + " " + Base64.getEncoder().encodeToString(MessageDigest.getInstance(java).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
