package org.cloudworkspace.files.sharing.api;

import org.cloudworkspace.files.sharing.ShareParty;

/** A user on the other end of a share. */
public record PartyView(String id, String username, String displayName) {

  static PartyView from(ShareParty party) {
    return party == null ? null : new PartyView(party.id(), party.username(), party.displayName());
  }
}
