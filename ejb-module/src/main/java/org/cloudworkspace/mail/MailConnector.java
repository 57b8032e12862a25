package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.util.StreamProvider;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Opens connections to mail servers with Angus Mail: connect and read timeouts, the {@link MailHostPolicy} checked on
 * every socket, TLS with the server's certificate and host name verified, STARTTLS required when chosen. Failures
 * become {@link MailFailure}s that tell the user what is wrong.
 */
@ApplicationScoped
public class MailConnector {

  /**
   * Jakarta Mail looks up its StreamProvider with a ServiceLoader scan every time it parses headers (each message of
   * a list page), which in the app server's class loaders was the largest single cost of a page (bench/mail.sh). Named
   * here, the lookup is a plain class load. Left alone when the JVM was started with another choice.
   */
  static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
    }
  }

  @Inject MailSettings settings;

  /** For tests and the benchmark: a connector with fixed settings. */
  static MailConnector of(MailSettings settings) {
    MailConnector connector = new MailConnector();
    connector.settings = settings;
    return connector;
  }

  /** A signed-in IMAP store; the caller closes it. */
  public IMAPStore openImap(MailServer server) {
    Session session = Session.getInstance(properties("imap", server));
    try {
      IMAPStore store = (IMAPStore) session.getStore(server.security() == MailSecurity.TLS ? "imaps" : "imap");
      store.connect(server.host(), server.port(), server.username(), server.password());
      return store;
    } catch (MessagingException e) {
      throw MailFailure.classify(e, "imap", server.host(), server.port());
    }
  }

  /** A session for sending through this SMTP server. */
  public Session smtpSession(MailServer server) {
    return Session.getInstance(properties("smtp", server));
  }

  /** A connected SMTP transport (signed in when the server has a username); the caller closes it. */
  public Transport openSmtp(MailServer server) {
    Session session = smtpSession(server);
    try {
      Transport transport = session.getTransport(server.security() == MailSecurity.TLS ? "smtps" : "smtp");
      if (server.username() == null) {
        transport.connect(server.host(), server.port(), null, null);
      } else {
        transport.connect(server.host(), server.port(), server.username(), server.password());
      }
      return transport;
    } catch (MessagingException e) {
      throw MailFailure.classify(e, "smtp", server.host(), server.port());
    }
  }

  Properties properties(String protocol, MailServer server) {
    String p = server.security() == MailSecurity.TLS ? protocol + "s" : protocol;
    Properties props = new Properties();
    String prefix = "mail." + p;
    props.put(prefix + ".socketFactory", new GuardedSocketFactory(settings.hostPolicy()));
    props.put(prefix + ".socketFactory.fallback", "false");
    props.put(prefix + ".connectiontimeout", Integer.toString(settings.connectTimeoutMillis()));
    props.put(prefix + ".timeout", Integer.toString(settings.readTimeoutMillis()));
    props.put(prefix + ".ssl.checkserveridentity", "true");
    if (server.security() == MailSecurity.TLS) {
      props.put(prefix + ".ssl.enable", "true");
    } else if (server.security() == MailSecurity.STARTTLS) {
      props.put(prefix + ".starttls.enable", "true");
      props.put(prefix + ".starttls.required", "true");
    }
    if ("smtp".equals(protocol)) {
      props.put(prefix + ".auth", Boolean.toString(server.username() != null));
    } else {
      props.put(prefix + ".partialfetch", "true");
      props.put(prefix + ".fetchsize", "65536");
      props.put(prefix + ".peek", "true");
      props.put(prefix + ".connectionpoolsize", "1");
    }
    return props;
  }
}
