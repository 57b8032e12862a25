package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in to the workspace. */
@Entity
@Table(name = "user_account")
public class UserAccount {

  @Id private String id;

  @Column(nullable = false, unique = true)
  private String username;

  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  /** Access tokens issued before this moment are no longer accepted. */
  @Column(name = "tokens_valid_after", nullable = false)
  private Instant tokensValidAfter;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  /** Set for temporary passwords given by an admin: the user must choose a new one before using the workspace. */
  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Version private long version;

  protected UserAccount() {}

  UserAccount(Username username, String email, String displayName, Role role, String passwordHash, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.username = username.value();
    this.email = email;
    this.displayName = displayName == null || displayName.isBlank() ? username.value() : displayName.trim();
    this.role = Objects.requireNonNull(role);
    this.enabled = true;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.tokensValidAfter = now;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public Role role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  String passwordHash() {
    return passwordHash;
  }

  public Instant tokensValidAfter() {
    return tokensValidAfter;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastLoginAt() {
    return lastLoginAt;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** Marks the password as temporary: the next sign-in may only change it. */
  void requirePasswordChange() {
    this.mustChangePassword = true;
  }

  /** Sets a temporary password chosen by an admin, ending every access token issued so far. */
  void resetPassword(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.mustChangePassword = true;
    revokeAccessTokens(now);
  }

  /** Changes the name and email; a blank name falls back to the username, a blank email removes it. */
  void editProfile(String newDisplayName, String newEmail) {
    this.displayName = newDisplayName == null || newDisplayName.isBlank() ? username : newDisplayName.trim();
    this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.trim();
  }

  /** Changes the role; tokens issued so far carry the old role and end. */
  void changeRole(Role newRole, Instant now) {
    if (newRole != role) {
      this.role = Objects.requireNonNull(newRole);
      revokeAccessTokens(now);
    }
  }

  void recordSignIn(Instant now) {
    this.lastLoginAt = now;
  }

  /** Sets a new password hash chosen by the user and ends every access token issued so far. */
  void changePasswordHash(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.mustChangePassword = false;
    revokeAccessTokens(now);
  }

  /** Updates the stored hash to stronger parameters without ending any session. */
  void upgradePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  /** Ends every access token issued before {@code now}. */
  void revokeAccessTokens(Instant now) {
    if (now.isAfter(tokensValidAfter)) {
      this.tokensValidAfter = now;
    }
  }

  /** Disables the account and ends its outstanding access tokens. */
  void disable(Instant now) {
    this.enabled = false;
    revokeAccessTokens(now);
  }

  void enable() {
    this.enabled = true;
  }
}
