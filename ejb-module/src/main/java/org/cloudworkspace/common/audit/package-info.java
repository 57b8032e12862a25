/** The audit log: security-relevant events with actor, target, address and UTC time, never a secret. */
package org.cloudworkspace.common.audit;
