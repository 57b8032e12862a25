package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.cloudworkspace.common.error.DomainException;

/** Finds and creates user accounts. */
@Stateless
public class UserDirectory {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject PasswordHasher hasher;

  @Inject PasswordPolicy policy;

  public Optional<UserAccount> findById(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(UserAccount.class, id));
  }

  /** The account with this username, compared case-insensitively. */
  public Optional<UserAccount> findByUsername(String username) {
    return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name", UserAccount.class)
        .setParameter("name", Username.normalize(username))
        .getResultStream()
        .findFirst();
  }

  /** The account with this id, or a "not found" error naming it. */
  public UserAccount require(String id) {
    return findById(id)
        .orElseThrow(
            () -> new DomainException(DomainException.Kind.NOT_FOUND, "User not found", "There is no user " + id + "."));
  }

  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
  }

  /** Creates an enabled account after checking the username and the password policy. */
  public UserAccount create(String username, String email, String displayName, Role role, String password) {
    Username name = Username.of(username);
    if (findByUsername(name.value()).isPresent()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Username taken", "The username " + name.value() + " is already taken.");
    }
    policy.check("password", password, name.value());
    UserAccount user =
        new UserAccount(name, blankToNull(email), displayName, role, hasher.hash(password), Instant.now());
    em.persist(user);
    return user;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
