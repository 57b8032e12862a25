package org.cloudworkspace.inventory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;

/**
 * Issues and redeems one-time InventoryPro sign-on tickets (the CAS service-ticket pattern). A ticket is 256 random
 * bits, kept only as its SHA-256, bound to the user and the service address, valid for at most 60 seconds, and claimed
 * by a conditional update so that it is redeemed at most once, even by two redemptions at the same moment. Every
 * issue and every redemption, successful or not, is audited.
 */
@Stateless
public class SsoTickets {

  /** Every ticket starts with this, as CAS service tickets do. */
  public static final String PREFIX = "ST-";

  static final int TICKET_BYTES = 32;
  static final Pattern TICKET_SHAPE = Pattern.compile("ST-[A-Za-z0-9_-]{43}");
  private static final Duration KEEP_USED = Duration.ofDays(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject InventorySettings settings;

  @Inject UserDirectory users;

  @Inject AuditLog audit;

  /** A freshly issued ticket and the address that carries it to InventoryPro; the only time the value exists. */
  public record IssuedTicket(String ticket, String service, String redirectUrl, Instant expiresAt) {
    @Override
    public String toString() {
      return "IssuedTicket[" + service + ", expires " + expiresAt + "]";
    }
  }

  /** The user a redeemed ticket stands for, as InventoryPro receives it. */
  public record TicketUser(String id, String username, String email, String displayName, List<String> roles) {}

  /** What redeeming a ticket found. */
  public sealed interface Redemption {
    /** The ticket was valid; it is now used. */
    record Redeemed(TicketUser user) implements Redemption {}

    /** The ticket is refused for the reason given; if it existed, it is now used as well. */
    record Refused(Refusal reason) implements Redemption {}
  }

  /** Why a ticket was refused. */
  public enum Refusal {
    /** No ticket with this value was ever issued (or it was removed long after use). */
    UNKNOWN,
    /** The ticket was redeemed, or an attempt to redeem it was made, before. */
    ALREADY_USED,
    /** The ticket's lifetime had ended. */
    EXPIRED,
    /** The ticket was issued for another service address. */
    WRONG_SERVICE,
    /** The user's account is disabled or gone. */
    ACCOUNT_DISABLED
  }

  /** Issues a ticket for the signed-in user, bound to the configured InventoryPro address. */
  public IssuedTicket issue(String userId, ClientInfo client) {
    String service = settings.requireService();
    String loginUrl = settings.loginUrl();
    UserAccount user = users.require(userId);
    if (!user.enabled()) {
      throw new DomainException(DomainException.Kind.FORBIDDEN, "Account disabled", "This account is disabled.");
    }
    Instant now = Instant.now();
    em.createQuery("DELETE FROM SsoTicket t WHERE t.expiresAt < :before")
        .setParameter("before", now.minus(KEEP_USED))
        .executeUpdate();
    String ticket = newTicket();
    Instant expiresAt = now.plus(settings.ticketTtl());
    em.persist(new SsoTicket(hash(ticket), user.id(), service, now, expiresAt));
    audit.record(
        AuditType.INVENTORY_TICKET_ISSUE,
        AuditOutcome.SUCCESS,
        user.id(),
        user.username(),
        service,
        client,
        "ticket valid until " + expiresAt);
    return new IssuedTicket(ticket, service, redirectUrl(loginUrl, ticket, service), expiresAt);
  }

  /**
   * Redeems a ticket presented by InventoryPro (whose signature the caller has verified). The ticket is marked used
   * before anything else is checked, so a ticket that fails any check can never be tried again.
   */
  public Redemption redeem(String ticket, String presentedService, ClientInfo client) {
    Instant now = Instant.now();
    if (ticket == null || !TICKET_SHAPE.matcher(ticket).matches()) {
      return refused(Refusal.UNKNOWN, null, null, presentedService, client);
    }
    String hash = hash(ticket);
    int claimed =
        em.createQuery("UPDATE SsoTicket t SET t.usedAt = :now WHERE t.ticketHash = :hash AND t.usedAt IS NULL")
            .setParameter("now", now)
            .setParameter("hash", hash)
            .executeUpdate();
    SsoTicket found = em.find(SsoTicket.class, hash);
    if (found == null) {
      return refused(Refusal.UNKNOWN, null, null, presentedService, client);
    }
    UserAccount user = users.findById(found.userId()).orElse(null);
    String userName = user == null ? null : user.username();
    if (claimed != 1) {
      return refused(Refusal.ALREADY_USED, found.userId(), userName, presentedService, client);
    }
    if (found.expiredAt(now)) {
      return refused(Refusal.EXPIRED, found.userId(), userName, presentedService, client);
    }
    if (!found.boundTo(presentedService)) {
      return refused(Refusal.WRONG_SERVICE, found.userId(), userName, presentedService, client);
    }
    if (user == null || !user.enabled()) {
      return refused(Refusal.ACCOUNT_DISABLED, found.userId(), userName, presentedService, client);
    }
    audit.record(
        AuditType.INVENTORY_TICKET_REDEEM,
        AuditOutcome.SUCCESS,
        user.id(),
        user.username(),
        found.service(),
        client,
        "redeemed " + Duration.between(found.issuedAt(), now).toMillis() + " ms after issue");
    return new Redemption.Redeemed(
        new TicketUser(
            user.id(), user.username(), user.email(), user.displayName(), List.of(user.role().code())));
  }

  /** Audits a redemption refused before any ticket was looked at: the request was not correctly signed. */
  public void recordBadSignature(ClientInfo client) {
    audit.record(
        AuditType.INVENTORY_TICKET_REDEEM,
        AuditOutcome.FAILURE,
        null,
        null,
        null,
        client,
        "refused: the redemption request was not correctly signed; no ticket was consumed");
  }

  private Redemption refused(
      Refusal reason, String userId, String userName, String presentedService, ClientInfo client) {
    audit.record(
        AuditType.INVENTORY_TICKET_REDEEM,
        AuditOutcome.FAILURE,
        userId,
        userName,
        presentedService == null ? null : presentedService.replaceAll("\\p{Cntrl}", " "),
        client,
        "refused: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    return new Redemption.Refused(reason);
  }

  static String redirectUrl(String loginUrl, String ticket, String service) {
    String separator = loginUrl.contains("?") ? "&" : "?";
    return loginUrl
        + separator
        + "ticket="
        + java.net.URLEncoder.encode(ticket, StandardCharsets.UTF_8)
        + "&service="
        + java.net.URLEncoder.encode(service, StandardCharsets.UTF_8);
  }

  /** A new ticket value: {@value #PREFIX} and 256 random bits in base64url without padding. */
  static String newTicket() {
    byte[] bytes = new byte[TICKET_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String ticket) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(ticket.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
