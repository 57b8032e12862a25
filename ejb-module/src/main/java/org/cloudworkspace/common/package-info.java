/** Pieces every context uses: configuration, database migrations, domain errors, the audit log, time conversion. */
package org.cloudworkspace.common;
