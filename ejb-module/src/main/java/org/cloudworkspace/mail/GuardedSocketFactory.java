package org.cloudworkspace.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Gives Angus Mail unconnected sockets that check the resolved address against the {@link MailHostPolicy} at the
 * moment they connect, so the address that was checked is the one connected to (no second DNS lookup in between).
 * TLS is layered on top of these sockets by Angus Mail.
 */
final class GuardedSocketFactory extends SocketFactory {

  private final MailHostPolicy policy;

  GuardedSocketFactory(MailHostPolicy policy) {
    this.policy = policy;
  }

  /** A connection to an address the policy refuses; nothing was sent there. */
  static final class AddressRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    AddressRefusedException(String message) {
      super(message);
    }
  }

  @Override
  public Socket createSocket() {
    return new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        check(endpoint);
        super.connect(endpoint, timeout);
      }

      @Override
      public void connect(SocketAddress endpoint) throws IOException {
        check(endpoint);
        super.connect(endpoint);
      }
    };
  }

  private void check(SocketAddress endpoint) throws IOException {
    if (!(endpoint instanceof InetSocketAddress inet) || inet.isUnresolved()) {
      throw new java.net.UnknownHostException(String.valueOf(endpoint));
    }
    if (!policy.allows(inet.getAddress())) {
      throw new AddressRefusedException(
          "Mail servers on internal addresses (" + inet.getAddress().getHostAddress() + ") are not allowed here.");
    }
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(address, port);
  }
}
