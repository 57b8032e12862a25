package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.admin.SettingsAdministration;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspace's run-time settings, for admins. Secrets are shown only as set or not set. */
@Path("admin/settings")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminSettingsResource {

  @Inject SettingsAdministration administration;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "Every setting's value and default, and which secrets are set: {values, defaults, secrets}")
  public SettingsAdministration.Overview get() {
    return administration.overview();
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change settings: {\"name\": value, …}; null restores the default",
      description = "All or nothing: any unknown or invalid setting refuses the whole change with one field error each.")
  public SettingsAdministration.Overview change(
      @NotNull(message = "Send a JSON object of settings to change.") JsonObject body) {
    Map<String, Object> patch = new LinkedHashMap<>();
    body.forEach((name, value) -> patch.put(name, toJava(value)));
    return administration.change(jwt.getSubject(), patch, addresses.of(request));
  }

  /** A JSON value as the settings catalog takes it: BigDecimal, Boolean, String, List, or null. */
  static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case STRING -> ((JsonString) value).getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        ((JsonArray) value).forEach(item -> items.add(toJava(item)));
        yield items;
      }
      case OBJECT -> value;
    };
  }
}
