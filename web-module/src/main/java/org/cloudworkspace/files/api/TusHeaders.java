package org.cloudworkspace.files.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.files.ResumableUploads;

/** The headers of the tus 1.0 protocol: their names, and parsing and formatting of their values. */
final class TusHeaders {

  static final String RESUMABLE = "Tus-Resumable";
  static final String VERSION = "Tus-Version";
  static final String EXTENSION = "Tus-Extension";
  static final String MAX_SIZE = "Tus-Max-Size";
  static final String CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
  static final String UPLOAD_OFFSET = "Upload-Offset";
  static final String UPLOAD_LENGTH = "Upload-Length";
  static final String UPLOAD_METADATA = "Upload-Metadata";
  static final String UPLOAD_EXPIRES = "Upload-Expires";
  static final String UPLOAD_CHECKSUM = "Upload-Checksum";
  static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";

  /** The only protocol version spoken. */
  static final String PROTOCOL_VERSION = "1.0.0";

  static final String EXTENSIONS = "creation,termination,checksum,expiration";

  /** The media type of a PATCH body. */
  static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

  private static final Pattern KEY = Pattern.compile("[!-+\\--~]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private TusHeaders() {}

  /** A non-negative whole number header (Upload-Length, Upload-Offset); -1 when absent. */
  static long number(String header, String name) {
    if (header == null) {
      return -1;
    }
    String value = header.strip();
    if (!DIGITS.matcher(value).matches()) {
      throw new InvalidInputException(name, name + " must be a whole number of bytes, 0 or more.");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, name + " is too large.");
    }
  }

  /**
   * Upload-Metadata: comma-separated pairs of a key (printable ASCII without spaces and commas) and an optional
   * Base64 value; keys are unique. Values are decoded as UTF-8.
   */
  static Map<String, String> metadata(String header) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return pairs;
    }
    if (header.length() > 4000) {
      throw new InvalidInputException(UPLOAD_METADATA, "Upload-Metadata may have at most 4000 characters.");
    }
    for (String pair : header.split(",", -1)) {
      String[] parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || parts[0].isEmpty() || !KEY.matcher(parts[0]).matches()) {
        throw new InvalidInputException(
            UPLOAD_METADATA, "Upload-Metadata is a comma-separated list of 'key base64value' pairs.");
      }
      String value = "";
      if (parts.length == 2) {
        try {
          value = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              UPLOAD_METADATA, "The value of '" + parts[0] + "' in Upload-Metadata is not valid Base64.");
        }
      }
      if (pairs.put(parts[0], value) != null) {
        throw new InvalidInputException(UPLOAD_METADATA, "Upload-Metadata names '" + parts[0] + "' twice.");
      }
    }
    return pairs;
  }

  /** Upload-Checksum: an algorithm of {@link ResumableUploads#CHECKSUM_ALGORITHMS} and the Base64 digest; or null. */
  static ResumableUploads.ChunkChecksum checksum(String header) {
    if (header == null) {
      return null;
    }
    String[] parts = header.strip().split(" ");
    if (parts.length != 2) {
      throw new InvalidInputException(UPLOAD_CHECKSUM, "Upload-Checksum is an algorithm and a Base64 digest.");
    }
    String algorithm = parts[0].toLowerCase(Locale.ROOT);
    if (!ResumableUploads.CHECKSUM_ALGORITHMS.contains(algorithm)) {
      throw new InvalidInputException(
          UPLOAD_CHECKSUM,
          "Checksums use " + String.join(" or ", ResumableUploads.CHECKSUM_ALGORITHMS) + ", not " + parts[0] + ".");
    }
    try {
      return new ResumableUploads.ChunkChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(UPLOAD_CHECKSUM, "The digest in Upload-Checksum is not valid Base64.");
    }
  }

  /** An HTTP date (RFC 9110 IMF-fixdate), as Upload-Expires needs. */
  static String date(Instant instant) {
    return HTTP_DATE.format(instant);
  }
}
