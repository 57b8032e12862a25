/** Pieces the runner's packages share: problem-details error responses and build information. */
package org.cloudworkspace.runner.common;
