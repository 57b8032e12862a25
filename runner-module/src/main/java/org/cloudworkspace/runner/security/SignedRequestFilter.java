package org.cloudworkspace.runner.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.runner.common.ProblemDetails;

/**
 * Lets a request into the runner WAR only when it is signed with the shared secret (see {@link SignatureVerifier}).
 * It covers every path of the WAR, WebSocket upgrades included; Liberty's own {@code /health} endpoints are outside
 * the WAR and stay unsigned. Refusals get a generic problem-details answer; the specific reason goes to the log.
 */
@WebFilter(filterName = "SignedRequestFilter", urlPatterns = "/*", asyncSupported = true)
public class SignedRequestFilter extends HttpFilter {

  /** The largest body accepted (it is buffered in memory to be hashed): 10 MiB. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SignedRequestFilter.class.getName());

  @Inject transient RunnerSecurityConfig security;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<SignatureVerifier> configured = security.verifier();
    if (configured.isEmpty()) {
      ProblemDetails.of(503, "Service Unavailable", "The runner is not configured to accept requests.")
          .writeTo(response);
      return;
    }
    SignatureVerifier verifier = configured.get();

    if (isRepeated(request, RequestSignature.TIMESTAMP_HEADER)
        || isRepeated(request, RequestSignature.NONCE_HEADER)
        || isRepeated(request, RequestSignature.SIGNATURE_HEADER)) {
      refuse(request, response, Refusal.MALFORMED_HEADER);
      return;
    }
    String timestamp = request.getHeader(RequestSignature.TIMESTAMP_HEADER);
    String nonce = request.getHeader(RequestSignature.NONCE_HEADER);
    String signature = request.getHeader(RequestSignature.SIGNATURE_HEADER);
    // Refuse what can be refused before reading (and buffering) the body.
    Optional<Refusal> refusal = verifier.checkHeaders(timestamp, nonce, signature);
    if (refusal.isPresent()) {
      refuse(request, response, refusal.get());
      return;
    }

    Optional<byte[]> body = readBody(request);
    if (body.isEmpty()) {
      LOG.log(Level.WARNING, "Refused {0} {1} from {2}: the body is larger than {3,number,#} bytes",
          new Object[] {request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), MAX_BODY_BYTES});
      ProblemDetails.of(413, "Content Too Large", "The request body is larger than the runner accepts (10 MiB).")
          .writeTo(response);
      return;
    }

    refusal = verifier.verify(request.getMethod(), pathAndQuery(request), timestamp, nonce, signature, body.get());
    if (refusal.isPresent()) {
      refuse(request, response, refusal.get());
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body.get()), response);
  }

  /** The raw request target as sent: encoded path, plus {@code ?} and the raw query when there is one. */
  static String pathAndQuery(HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }

  /** Whether the header is sent more than once, which would leave open which value was signed. */
  private static boolean isRepeated(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return false;
    }
    values.nextElement();
    return values.hasMoreElements();
  }

  /** The whole body as received, or empty when it is longer than {@link #MAX_BODY_BYTES}. */
  private static Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    LOG.log(Level.WARNING, "Refused {0} {1} from {2}: {3}",
        new Object[] {request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), refusal.reason()});
    if (refusal.status() == 401) {
      response.setHeader("WWW-Authenticate", "RunnerSignature realm=\"runner\"");
      ProblemDetails.of(401, "Unauthorized", "The request is not correctly signed for this runner.")
          .writeTo(response);
    } else {
      response.setHeader("Retry-After", "1");
      ProblemDetails.of(refusal.status(), "Service Unavailable", "The runner is busy; try again shortly.")
          .writeTo(response);
    }
  }
}
