package org.cloudworkspace.mail;

/** A mailbox of a header: display name (may be null) and address. */
public record MailAddress(String name, String address) {

  /** "Name <address>" or the address alone. */
  public String display() {
    return name == null || name.isBlank() ? address : name;
  }
}
