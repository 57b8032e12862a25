package org.cloudworkspace.files.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.cloudworkspace.common.crypto.DataEncryption;

/**
 * What a visitor gets for entering a link's password: a session token that names the link, the link's password
 * version and an end time, sealed with AES-GCM (so it can be neither read nor forged). Changing or removing the
 * password raises the version and so ends every session; revoking the link ends them as the link is gone.
 */
@ApplicationScoped
public class LinkSessions {

  /** How long an unlocked link stays unlocked in one browser. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final String PURPOSE = "share-link-session";

  @Inject DataEncryption encryption;

  /** A session token for the link as it is now, URL- and cookie-safe. */
  String issue(FileShare link, Instant now) {
    String claims = link.id() + "|" + link.passwordVersion() + "|" + now.plus(LIFETIME).getEpochSecond();
    String sealed = encryption.encrypt(claims, PURPOSE);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether the token was issued for this link, under its current password, and has not ended. */
  boolean valid(FileShare link, String token, Instant now) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return false;
    }
    String claims;
    try {
      String sealed = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
      claims = encryption.decrypt(sealed, PURPOSE);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
    String[] parts = claims.split("\\|");
    if (parts.length != 3 || !parts[0].equals(link.id())) {
      return false;
    }
    try {
      return Integer.parseInt(parts[1]) == link.passwordVersion()
          && now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
