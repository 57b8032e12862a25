package org.cloudworkspace.runner.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The runner's signing configuration: {@code RUNNER_SHARED_SECRET} from MicroProfile Config (in practice the
 * environment), and the one verifier and nonce cache built from it. Without a usable secret there is no verifier and
 * every request is refused.
 */
@ApplicationScoped
public class RunnerSecurityConfig {

  /** The name of the configuration property (and environment variable) holding the shared secret. */
  public static final String SECRET_PROPERTY = "RUNNER_SHARED_SECRET";

  /** The shortest secret accepted, in bytes of its UTF-8 encoding. */
  public static final int MIN_SECRET_BYTES = 32;

  /** How many nonces are remembered at most (about 400 signed requests a second, sustained). */
  static final int NONCE_CACHE_CAPACITY = 50_000;

  private static final Logger LOG = Logger.getLogger(RunnerSecurityConfig.class.getName());

  @Inject
  @ConfigProperty(name = SECRET_PROPERTY)
  Optional<String> sharedSecret;

  private Optional<String> secretProblem;
  private Optional<SignatureVerifier> verifier;

  @PostConstruct
  void buildVerifier() {
    secretProblem = problemWith(sharedSecret);
    verifier =
        secretProblem.isPresent()
            ? Optional.empty()
            : Optional.of(
                new SignatureVerifier(
                    sharedSecret.orElseThrow().getBytes(StandardCharsets.UTF_8),
                    Clock.systemUTC(),
                    new NonceCache(NONCE_CACHE_CAPACITY, SignatureVerifier.WINDOW.multipliedBy(2))));
  }

  void reportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    secretProblem.ifPresentOrElse(
        problem -> LOG.severe(problem + " The runner refuses every request with 503 until it is set and restarted."),
        () -> LOG.info("The runner accepts only requests signed with " + SECRET_PROPERTY + "."));
  }

  /** The verifier for incoming requests, or empty when the secret is missing or too short. */
  public Optional<SignatureVerifier> verifier() {
    return verifier;
  }

  /** What is wrong with the configured secret, if anything; the message never contains the secret. */
  static Optional<String> problemWith(Optional<String> secret) {
    if (secret.isEmpty() || secret.get().isEmpty()) {
      return Optional.of(SECRET_PROPERTY + " is not set.");
    }
    int length = secret.get().getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_SECRET_BYTES) {
      return Optional.of(
          SECRET_PROPERTY + " is " + length + " bytes long; it must be at least " + MIN_SECRET_BYTES + " bytes.");
    }
    return Optional.empty();
  }
}
