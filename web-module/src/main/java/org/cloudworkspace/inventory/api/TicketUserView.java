package org.cloudworkspace.inventory.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.cloudworkspace.inventory.SsoTickets;

/** The user a redeemed ticket stands for, as InventoryPro receives it; an absent email is sent as {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({"id", "username", "email", "displayName", "roles"})
public record TicketUserView(String id, String username, String email, String displayName, List<String> roles) {

  public static TicketUserView from(SsoTickets.TicketUser user) {
    return new TicketUserView(user.id(), user.username(), user.email(), user.displayName(), user.roles());
  }
}
