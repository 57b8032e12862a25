package org.cloudworkspace.office.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudworkspace.common.settings.SettingsService;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.office.OfficeService;
import org.cloudworkspace.office.OfficeSettings;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For admins: the Document Server settings as they apply now, and every document change not stored yet, with retry. */
@Path("admin/office")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminOfficeResource {

  @Inject OfficeService office;

  @Inject OfficeSettings settings;

  @Inject org.cloudworkspace.office.OfficeSecrets secrets;

  @Inject SettingsService settingsService;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  /** The Document Server settings in effect; the secret only as "configured". */
  public record OfficeStatusView(
      boolean configured, String publicUrl, String internalUrl, String appPublicUrl, String jwtHeader,
      boolean secretConfigured, String secretSource, long unsavedChanges) {}

  /** A new Document Server JWT secret (write-only). */
  public record SecretRequest(
      @jakarta.validation.constraints.NotNull(message = "Send the secret.")
          @Size(min = 16, max = 512, message = "Use 16 to 512 characters.") String secret) {}

  /** A page of unsaved changes. */
  public record UnsavedPageView(List<UnsavedChangeView> items, long total) {}

  @GET
  @Path("status")
  @Operation(summary = "The Document Server settings in effect (the JWT secret only as configured or not)")
  public OfficeStatusView status() {
    return new OfficeStatusView(
        settings.enabled(), settings.publicUrl(), settings.internalUrl(), settings.appPublicUrl(), settings.jwtHeader(),
        secrets.stored().isPresent() || settingsService.isConfigured("ONLYOFFICE_TOKEN_SECRET"),
        settings.tokenSecretSource(), office.countUnsaved());
  }

  @jakarta.ws.rs.PUT
  @Path("secret")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the Document Server's JWT secret (over ONLYOFFICE_TOKEN_SECRET); never shown back",
      description = "Stored AES-GCM encrypted; audited without the value. Must equal the Document Server's secret.")
  @APIResponse(responseCode = "204", description = "Set")
  @APIResponse(responseCode = "400", description = "Not 16 to 512 visible ASCII characters")
  public jakarta.ws.rs.core.Response setSecret(
      @jakarta.validation.constraints.NotNull(message = "Send a JSON body.") @jakarta.validation.Valid
          SecretRequest body) {
    secrets.set(body.secret(), jwt.getSubject(), jwt.getName(), addresses.of(request));
    return jakarta.ws.rs.core.Response.noContent().build();
  }

  @jakarta.ws.rs.DELETE
  @Path("secret")
  @Operation(summary = "Go back to ONLYOFFICE_TOKEN_SECRET")
  @APIResponse(responseCode = "204", description = "Reset")
  public jakarta.ws.rs.core.Response resetSecret() {
    secrets.clear(jwt.getSubject(), jwt.getName(), addresses.of(request));
    return jakarta.ws.rs.core.Response.noContent().build();
  }

  @GET
  @Path("failed-saves")
  @Operation(summary = "Document changes the Document Server delivered that are not stored yet, newest first")
  public UnsavedPageView failedSaves(
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.")
          @Max(value = 100_000, message = "Ask for page 100000 at most.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 item.")
          @Max(value = 200, message = "Ask for at most 200 items.") int size) {
    return new UnsavedPageView(
        office.unsaved(page * size, size).stream().map(UnsavedChangeView::from).toList(), office.countUnsaved());
  }

  @POST
  @Path("failed-saves/{id}/retry")
  @Operation(summary = "Try to store an unsaved change again now (downloads it from the Document Server again)")
  @APIResponse(responseCode = "200", description = "The change as it stands afterwards (state saved or failed)")
  @APIResponse(responseCode = "404", description = "No such change")
  @APIResponse(responseCode = "409", description = "It is being stored right now")
  public UnsavedChangeView retry(@PathParam("id") @Size(max = 64, message = "id is too long.") String id) {
    return UnsavedChangeView.from(office.retry(id, null, jwt.getSubject(), jwt.getName(), addresses.of(request)));
  }
}
