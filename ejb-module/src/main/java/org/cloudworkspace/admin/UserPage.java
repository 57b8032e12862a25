package org.cloudworkspace.admin;

import java.util.List;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.files.Usage;

/** One page of users and how many match in all. */
public record UserPage(List<Entry> items, long total) {

  /** A user of the page, whether the user has two-factor sign-in, and the user's storage quota and usage. */
  public record Entry(UserAccount account, boolean twoFactorEnabled, Usage usage) {}
}
