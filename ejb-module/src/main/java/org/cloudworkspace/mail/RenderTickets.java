package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed tickets for the sandboxed frame that shows a message's HTML: the frame's request carries no
 * bearer token, so its URL carries who may see which message (user, account, folder, UID, remote images allowed) for
 * {@link #LIFETIME_SECONDS}, signed with HMAC-SHA256 under a key derived from {@code MAIL_CREDENTIALS_KEY}.
 */
@ApplicationScoped
public class RenderTickets {

  static final long LIFETIME_SECONDS = 300;

  /** What a ticket grants. */
  public record Grant(String userId, long accountId, String folder, long uid, boolean remote) {}

  private byte[] key;

  /** For the CDI container's proxy only. */
  protected RenderTickets() {}

  @Inject
  public RenderTickets(@ConfigProperty(name = "MAIL_CREDENTIALS_KEY") String secret) {
    try {
      key = MessageDigest.getInstance("SHA-256")
          .digest(("mail-render-ticket\n" + secret).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String issue(Grant grant) {
    long expires = Instant.now().getEpochSecond() + LIFETIME_SECONDS;
    String payload = grant.userId() + "\n" + grant.accountId() + "\n" + grant.uid() + "\n" + (grant.remote() ? 1 : 0)
        + "\n" + expires + "\n" + grant.folder();
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return body + "." + sign(body);
  }

  public Optional<Grant> verify(String ticket) {
    if (ticket == null || ticket.length() > 4000) {
      return Optional.empty();
    }
    int dot = ticket.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String body = ticket.substring(0, dot);
    if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      String[] fields = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", 6);
      if (Long.parseLong(fields[4]) < Instant.now().getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(new Grant(fields[0], Long.parseLong(fields[1]), fields[5], Long.parseLong(fields[2]),
          "1".equals(fields[3])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
