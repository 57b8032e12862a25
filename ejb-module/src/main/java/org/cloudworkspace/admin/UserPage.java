package org.cloudworkspace.admin;

import java.util.List;
import org.cloudworkspace.auth.UserAccount;

/** One page of users and how many match in all. */
public record UserPage(List<Entry> items, long total) {

  /** A user of the page and whether the user has two-factor sign-in. */
  public record Entry(UserAccount account, boolean twoFactorEnabled) {}
}
