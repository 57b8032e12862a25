package org.cloudworkspace.common.audit;

/** The kinds of audited events; the code is what the table and the API show. */
public enum AuditType {
  SIGN_IN("auth.sign_in"),
  SIGN_IN_THROTTLED("auth.sign_in_throttled"),
  REFRESH_REUSE("auth.refresh_reuse"),
  SIGN_OUT("auth.sign_out"),
  PASSWORD_CHANGE("auth.password_change"),
  SIGN_IN_SECOND_FACTOR("auth.sign_in_second_factor"),
  SESSION_END("auth.session_end"),
  TWO_FACTOR_ENABLE("auth.2fa_enable"),
  TWO_FACTOR_DISABLE("auth.2fa_disable"),
  ADMIN_BOOTSTRAP("admin.bootstrap"),
  ADMIN_USER_CREATE("admin.user_create"),
  ADMIN_USER_DISABLE("admin.user_disable"),
  ADMIN_USER_ENABLE("admin.user_enable"),
  ADMIN_USER_EDIT("admin.user_edit"),
  ADMIN_PASSWORD_RESET("admin.user_password_reset"),
  ADMIN_SESSION_END("admin.session_end"),
  ADMIN_2FA_RESET("admin.user_2fa_reset"),
  ADMIN_SETTINGS_CHANGE("admin.settings_change"),
  AUDIT_PURGE("audit.purge"),
  ADMIN_USER_QUOTA("admin.user_quota"),
  ADMIN_USER_DELETE("admin.user_delete"),
  FILES_ACCESS_DENIED("files.access_denied"),
  INVENTORY_TICKET_ISSUE("inventorypro.ticket_issue"),
  INVENTORY_TICKET_REDEEM("inventorypro.ticket_redeem"),
  INVENTORY_ATTACH("inventorypro.attach"),
  ACCESS_DENIED("security.access_denied"),
  SHARE_CREATE("files.share_create"),
  SHARE_CHANGE("files.share_change"),
  SHARE_REMOVE("files.share_remove"),
  SHARE_LINK_THROTTLED("files.share_link_throttled"),
  APP_PASSWORD_CREATE("auth.app_password_create"),
  APP_PASSWORD_REVOKE("auth.app_password_revoke"),
  OFFICE_SAVE("office.save"),
  OFFICE_SAVE_FAILED("office.save_failed"),
  OFFICE_SAVE_RETRY("office.save_retry"),
  OFFICE_CALLBACK_REFUSED("office.callback_refused"),
  MAIL_ACCOUNT_CREATE("mail.account_create"),
  MAIL_ACCOUNT_UPDATE("mail.account_update"),
  MAIL_ACCOUNT_DELETE("mail.account_delete"),
  MAIL_CREDENTIALS_REKEY("mail.credentials_rekey"),
  IDE_WORKSPACE_CREATE("ide.workspace_create"),
  IDE_WORKSPACE_START("ide.workspace_start"),
  IDE_WORKSPACE_STOP("ide.workspace_stop"),
  IDE_WORKSPACE_DELETE("ide.workspace_delete"),
  IDE_ACCESS_DENIED("ide.access_denied");

  private final String code;

  AuditType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
