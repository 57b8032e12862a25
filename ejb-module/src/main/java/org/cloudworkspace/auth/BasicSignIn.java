package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cloudworkspace.common.ClientInfo;

/**
 * Where clients that send Basic credentials with every request sign in (WebDAV): an app password verified moments
 * ago from the same address is answered from {@link VerifiedAppPasswords} without a transaction; everything else goes
 * to {@link ClientSignIn}, with its throttling, auditing and Argon2 check. A remembered sign-in skips the throttle
 * because it presents the exact secret that the database accepted within the last few seconds.
 */
@ApplicationScoped
public class BasicSignIn {

  @Inject ClientSignIn signIn;

  @Inject VerifiedAppPasswords verified;

  /** The user these credentials belong to; {@code purpose} names the client kind in the audit log ("WebDAV"). */
  public ClientIdentity authenticate(String username, String password, ClientInfo client, String purpose) {
    String normalized = Username.normalize(username == null ? "" : username);
    String secret = password == null ? "" : password;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Optional<ClientIdentity> remembered = verified.lookup(normalized, secret, client.address(), now);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    long generation = verified.generation();
    ClientIdentity identity = signIn.authenticate(username, password, client, purpose);
    verified.remember(normalized, secret, client.address(), identity, now, generation);
    return identity;
  }
}
