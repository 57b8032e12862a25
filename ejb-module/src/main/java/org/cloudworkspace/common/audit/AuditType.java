package org.cloudworkspace.common.audit;

/** The kinds of audited events; the code is what the table and the API show. */
public enum AuditType {
  SIGN_IN("auth.sign_in"),
  SIGN_IN_THROTTLED("auth.sign_in_throttled"),
  REFRESH_REUSE("auth.refresh_reuse"),
  SIGN_OUT("auth.sign_out"),
  PASSWORD_CHANGE("auth.password_change"),
  ADMIN_BOOTSTRAP("admin.bootstrap"),
  ADMIN_USER_CREATE("admin.user_create"),
  ADMIN_USER_DISABLE("admin.user_disable"),
  ADMIN_USER_ENABLE("admin.user_enable"),
  ACCESS_DENIED("security.access_denied");

  private final String code;

  AuditType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
