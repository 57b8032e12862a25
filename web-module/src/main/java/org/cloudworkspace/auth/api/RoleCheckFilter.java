package org.cloudworkspace.auth.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Logger;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.common.web.ClientAddresses;

/**
 * Answers requests to {@code @RolesAllowed} resources that carry no token (401) or lack the role (403) with problem
 * details, before the container's own check would answer with an empty body. Refusals for a missing role are logged
 * and audited ({@code security.access_denied}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RoleCheckFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(RoleCheckFilter.class.getName());

  @Context ResourceInfo resource;

  @Context HttpServletRequest request;

  @Inject AuditLog audit;

  @Inject ClientAddresses addresses;

  @Override
  public void filter(ContainerRequestContext context) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed == null) {
      return;
    }
    SecurityContext security = context.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      context.abortWith(Problems.response(401, Problems.defaultDetail(401), Problems.instanceOf(context.getUriInfo())));
      return;
    }
    for (String role : allowed.value()) {
      if (security.isUserInRole(role)) {
        return;
      }
    }
    String user = security.getUserPrincipal().getName();
    String subject =
        security.getUserPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt ? jwt.getSubject() : null;
    audit.record(
        AuditType.ACCESS_DENIED, AuditOutcome.FAILURE, subject, user,
        context.getMethod() + " " + context.getUriInfo().getRequestUri().getRawPath(), addresses.of(request),
        "lacks role " + String.join(" or ", allowed.value()));
    LOG.warning(
        () ->
            "Access denied: user "
                + security.getUserPrincipal().getName()
                + " lacks the role for "
                + context.getMethod()
                + " "
                + context.getUriInfo().getRequestUri().getRawPath());
    context.abortWith(Problems.response(403, Problems.defaultDetail(403), Problems.instanceOf(context.getUriInfo())));
  }
}
