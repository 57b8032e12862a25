package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.cloudworkspace.common.config.WorkspaceSettings;
import org.cloudworkspace.common.error.DomainException;

/**
 * Files uploaded for a message being composed, kept in the data folder ({@code mail-uploads/<user>/<random id>})
 * until the message is sent or a day has passed. The size limit is enforced while the bytes arrive.
 */
@ApplicationScoped
public class MailUploads {

  static final Duration LIFETIME = Duration.ofDays(1);

  @Inject WorkspaceSettings workspace;

  @Inject MailSettings settings;

  /** An uploaded file. */
  public record Upload(String id, String name, String contentType, long size, Path path) {}

  /** Stores a body; refuses it with 413 naming the limit once it grows past {@link MailSettings#maxAttachmentBytes}. */
  public Upload store(String userId, String name, String contentType, InputStream body) {
    long limit = settings.maxAttachmentBytes();
    String id = UUID.randomUUID().toString();
    Path dir = folderOf(userId);
    Path data = dir.resolve(id);
    try {
      Files.createDirectories(dir);
      long size = 0;
      try (OutputStream out = Files.newOutputStream(data, StandardOpenOption.CREATE_NEW)) {
        byte[] buffer = new byte[65536];
        for (int n; (n = body.read(buffer)) >= 0; ) {
          size += n;
          if (size > limit) {
            throw tooLarge(limit);
          }
          out.write(buffer, 0, n);
        }
      }
      Properties meta = new Properties();
      meta.setProperty("name", name);
      meta.setProperty("type", contentType);
      meta.setProperty("size", Long.toString(size));
      try (OutputStream out = Files.newOutputStream(dir.resolve(id + ".meta"))) {
        meta.store(out, null);
      }
      return new Upload(id, name, contentType, size, data);
    } catch (IOException e) {
      deleteQuietly(data);
      throw new UncheckedIOException("Storing a mail upload failed", e);
    } catch (RuntimeException e) {
      deleteQuietly(data);
      throw e;
    }
  }

  /** The limit named in words, e.g. "25 MiB". */
  static String describe(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  /** The refusal of a body over the limit, naming the limit. */
  public static DomainException tooLargeFor(long limit) {
    return tooLarge(limit);
  }

  static DomainException tooLarge(long limit) {
    return new DomainException(DomainException.Kind.PAYLOAD_TOO_LARGE, "Attachment too large",
        "Attachments may be at most " + describe(limit) + " per message (MAIL_MAX_ATTACHMENT_BYTES).");
  }

  /** One of the user's uploads. */
  public Upload get(String userId, String id) {
    if (id == null || !id.matches("[0-9a-f-]{36}")) {
      throw new DomainException(DomainException.Kind.NOT_FOUND, "No such upload", "There is no upload " + id + ".");
    }
    Path dir = folderOf(userId);
    Path data = dir.resolve(id);
    Path metaFile = dir.resolve(id + ".meta");
    if (!Files.isRegularFile(data) || !Files.isRegularFile(metaFile)) {
      throw new DomainException(DomainException.Kind.NOT_FOUND, "No such upload",
          "There is no upload " + id + " (uploads are kept for a day).");
    }
    Properties meta = new Properties();
    try (InputStream in = Files.newInputStream(metaFile)) {
      meta.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Upload(id, meta.getProperty("name"), meta.getProperty("type"),
        Long.parseLong(meta.getProperty("size", "0")), data);
  }

  /** Removes an upload (after sending). */
  public void delete(String userId, String id) {
    Upload upload = get(userId, id);
    deleteQuietly(upload.path());
    deleteQuietly(upload.path().resolveSibling(id + ".meta"));
  }

  /** Deletes uploads older than a day. */
  void sweep() {
    Path root = workspace.dataDir().resolve("mail-uploads");
    if (!Files.isDirectory(root)) {
      return;
    }
    Instant cutoff = Instant.now().minus(LIFETIME);
    try (Stream<Path> files = Files.walk(root, 2)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // next sweep
        }
      });
    } catch (IOException e) {
      // next sweep
    }
  }

  private Path folderOf(String userId) {
    if (!userId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("Unexpected user id");
    }
    return workspace.dataDir().resolve("mail-uploads").resolve(userId);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // swept later
    }
  }
}
