package org.cloudworkspace.mail;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;

/** The senders whose remote images each user allowed for good. */
@Stateless
public class TrustedSenders {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  public List<TrustedSender> of(String ownerId) {
    return em.createQuery("SELECT t FROM TrustedSender t WHERE t.ownerId = :o ORDER BY t.address", TrustedSender.class)
        .setParameter("o", ownerId)
        .getResultList();
  }

  public boolean trusts(String ownerId, String address) {
    String normal = Mailbox.normal(address);
    return normal != null && em.find(TrustedSender.class, new TrustedSender.Key(ownerId, normal)) != null;
  }

  public TrustedSender add(String ownerId, String address) {
    String normal = Mailbox.normal(address);
    if (normal == null || normal.length() > 320 || !normal.matches("[^\\s@<>]+@[^\\s@<>]+")) {
      throw new InvalidInputException("address", "Enter the sender's e-mail address.");
    }
    TrustedSender existing = em.find(TrustedSender.class, new TrustedSender.Key(ownerId, normal));
    if (existing != null) {
      return existing;
    }
    TrustedSender sender = new TrustedSender(ownerId, normal, Instant.now());
    em.persist(sender);
    return sender;
  }

  public void remove(String ownerId, String address) {
    TrustedSender existing = em.find(TrustedSender.class, new TrustedSender.Key(ownerId, Mailbox.normal(address)));
    if (existing != null) {
      em.remove(existing);
    }
  }
}
