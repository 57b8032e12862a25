package org.cloudworkspace.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.cloudworkspace.common.error.DomainException;

/**
 * A mail server could not be used. {@link Reason} tells a wrong password from an unreachable host, a TLS failure, a
 * timeout and a refused internal address; the message says which server and what to do.
 */
public class MailFailure extends DomainException {

  private static final long serialVersionUID = 1L;

  /** What went wrong with the server. */
  public enum Reason {
    AUTHENTICATION,
    UNREACHABLE,
    TLS,
    TIMEOUT,
    ADDRESS_REFUSED,
    PROTOCOL
  }

  private final Reason reason;
  private final String server;

  public MailFailure(Reason reason, String server, String message) {
    super(kindOf(reason), titleOf(reason), message);
    this.reason = reason;
    this.server = server;
  }

  public Reason reason() {
    return reason;
  }

  /** {@code imap} or {@code smtp}. */
  public String server() {
    return server;
  }

  private static Kind kindOf(Reason reason) {
    return switch (reason) {
      case AUTHENTICATION, ADDRESS_REFUSED -> Kind.INVALID_INPUT;
      default -> Kind.UNAVAILABLE;
    };
  }

  private static String titleOf(Reason reason) {
    return switch (reason) {
      case AUTHENTICATION -> "Mail sign-in failed";
      case UNREACHABLE -> "Mail server unreachable";
      case TLS -> "Mail TLS failure";
      case TIMEOUT -> "Mail server timeout";
      case ADDRESS_REFUSED -> "Mail server address refused";
      case PROTOCOL -> "Mail server error";
    };
  }

  /** Classifies an exception of Angus Mail for the IMAP or SMTP server at host:port. */
  static MailFailure classify(MessagingException e, String server, String host, int port) {
    String where = server.toUpperCase(java.util.Locale.ROOT) + " server " + host + ":" + port;
    if (e instanceof AuthenticationFailedException) {
      return new MailFailure(Reason.AUTHENTICATION, server,
          "The " + where + " refused the username or password.");
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof GuardedSocketFactory.AddressRefusedException) {
        return new MailFailure(Reason.ADDRESS_REFUSED, server, "The " + where + " is refused: " + t.getMessage()
            + " Ask the administrator to allow it (MAIL_ALLOWED_INTERNAL_HOSTS).");
      }
      if (t instanceof SSLException) {
        return new MailFailure(Reason.TLS, server, "A secure (TLS) connection to the " + where
            + " failed: " + t.getMessage() + ". Check the security setting and the port, or the server's certificate.");
      }
      if (t instanceof SocketTimeoutException) {
        return new MailFailure(Reason.TIMEOUT, server, "The " + where + " did not answer in time. Try again later.");
      }
      if (t instanceof UnknownHostException) {
        return new MailFailure(Reason.UNREACHABLE, server, "The host of the " + where + " is unknown.");
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new MailFailure(Reason.UNREACHABLE, server, "The " + where
            + " cannot be reached (connection refused or no route). Check host and port.");
      }
    }
    String text = String.valueOf(e.getMessage());
    if (text.contains("STARTTLS")) {
      return new MailFailure(Reason.TLS, server, "The " + where + " does not offer STARTTLS: " + text);
    }
    if (text.toLowerCase(java.util.Locale.ROOT).contains("auth")) {
      return new MailFailure(Reason.AUTHENTICATION, server, "The " + where + " refused the sign-in: " + text);
    }
    return new MailFailure(Reason.PROTOCOL, server, "The " + where + " answered with an error: " + text);
  }
}
