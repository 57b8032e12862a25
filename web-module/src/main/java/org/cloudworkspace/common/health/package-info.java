/** MicroProfile Health readiness checks: database and storage folder. */
package org.cloudworkspace.common.health;
