package org.cloudworkspace.mail.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;

/** Checks of request values shared by the mail resources. */
final class MailParams {

  static final int MAX_PAGE_SIZE = 100;

  private MailParams() {}

  static String folder(String folder) {
    if (folder == null || folder.isBlank()) {
      return "INBOX";
    }
    if (folder.length() > 1000 || folder.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInputException("folder", "A folder name is at most 1000 characters without control characters.");
    }
    return folder;
  }

  static int page(Integer page) {
    if (page == null) {
      return 0;
    }
    if (page < 0 || page > 100_000) {
      throw new InvalidInputException("page", "The page is a number from 0.");
    }
    return page;
  }

  static int size(Integer size) {
    if (size == null) {
      return 50;
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "The page size is from 1 to " + MAX_PAGE_SIZE + ".");
    }
    return size;
  }

  static List<Long> uids(List<Long> uids) {
    if (uids == null || uids.isEmpty() || uids.size() > 1000 || uids.stream().anyMatch(u -> u == null || u < 1)) {
      throw new InvalidInputException("uids", "Give 1 to 1000 message UIDs.");
    }
    return uids;
  }

  static String search(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 200 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInputException(field, "A search term is at most 200 characters without control characters.");
    }
    return value.strip();
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Use a date such as 2026-11-26.");
    }
  }

  static String part(String part) {
    if (part == null || !part.matches("[1-9][0-9]{0,3}(\\.[1-9][0-9]{0,3}){0,19}")) {
      throw new InvalidInputException("part", "A part is a path such as 2 or 1.3.");
    }
    return part;
  }

  /** RFC 6266 attachment disposition with an ASCII fallback and the UTF-8 name. */
  static String attachment(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
