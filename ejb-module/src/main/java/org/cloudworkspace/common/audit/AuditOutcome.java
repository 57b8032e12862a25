package org.cloudworkspace.common.audit;

/** Whether the audited action succeeded. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE
}
