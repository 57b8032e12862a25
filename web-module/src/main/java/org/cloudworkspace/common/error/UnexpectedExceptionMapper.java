package org.cloudworkspace.common.error;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged with an incident id that the client also gets, answered with a generic 500 and never a
 * stack trace. Domain exceptions wrapped by the EJB container are unwrapped first.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    Throwable cause = e;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof DomainException domain) {
      DomainExceptionMapper mapper = new DomainExceptionMapper();
      mapper.uri = uri;
      return mapper.toResponse(domain);
    }
    if (isUnreadableBody(cause)) {
      return Problems.response(400, "The request body could not be read. Send valid JSON.", path());
    }
    if (cause instanceof EJBAccessException) {
      return Problems.response(403, Problems.defaultDetail(403), path());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + " at " + path(), e);
    return Problems.response(
        500, "Something went wrong on the server. The error was logged as incident " + incident + ".", path());
  }

  private static boolean isUnreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.json.bind.JsonbException
          || t instanceof jakarta.json.JsonException
          || t instanceof jakarta.ws.rs.ProcessingException) {
        return true;
      }
    }
    return false;
  }

  private String path() {
    return Problems.instanceOf(uri);
  }
}
