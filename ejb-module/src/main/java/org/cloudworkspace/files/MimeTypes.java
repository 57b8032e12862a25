package org.cloudworkspace.files;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The media type stored with a file. A known extension decides, as in Nextcloud: clients often send a type that
 * says nothing about the file (curl's {@code application/x-www-form-urlencoded}, {@code application/octet-stream}),
 * and the file manager, the editors and previews go by the type. The client's type counts only for names without a
 * known extension.
 */
final class MimeTypes {

  static final String OCTET_STREAM = "application/octet-stream";

  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", "text/plain"),
          Map.entry("log", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("csv", "text/csv"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("css", "text/css"),
          Map.entry("js", "text/javascript"),
          Map.entry("mjs", "text/javascript"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("ico", "image/vnd.microsoft.icon"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("tar", "application/x-tar"),
          Map.entry("7z", "application/x-7z-compressed"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("wav", "audio/wav"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("oga", "audio/ogg"),
          Map.entry("flac", "audio/flac"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("ogv", "video/ogg"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("doc", "application/msword"),
          Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xls", "application/vnd.ms-excel"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("ppt", "application/vnd.ms-powerpoint"),
          Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          Map.entry("odt", "application/vnd.oasis.opendocument.text"),
          Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
          Map.entry("odp", "application/vnd.oasis.opendocument.presentation"));

  private MimeTypes() {}

  /**
   * The type to store for a file: the one of its extension when that is known; else the client's {@code Content-Type}
   * without parameters, unless it is missing, malformed or one that never describes a file's bytes
   * ({@code application/octet-stream}, a form encoding); else {@code application/octet-stream}.
   */
  static String of(String contentType, FileName name) {
    String byName = known(name.value());
    if (byName != null) {
      return byName;
    }
    if (contentType != null) {
      String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (MEDIA_TYPE.matcher(bare).matches() && !saysNothing(bare)) {
        return bare;
      }
    }
    return OCTET_STREAM;
  }

  /** The type of a file renamed to {@code newName}: the new extension's when it is known, else the one it had. */
  static String afterRename(String current, String newName) {
    String byName = known(newName);
    return byName != null ? byName : current;
  }

  private static boolean saysNothing(String type) {
    return OCTET_STREAM.equals(type) || "application/x-www-form-urlencoded".equals(type)
        || type.startsWith("multipart/");
  }

  private static String known(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0 || dot == name.length() - 1) {
      return null;
    }
    return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
