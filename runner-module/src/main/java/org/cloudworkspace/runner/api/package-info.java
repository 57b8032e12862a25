/**
 * The runner's HTTP API under {@code /api}. Every request reaching it has passed the signature check of
 * {@link org.cloudworkspace.runner.security.SignedRequestFilter}.
 */
package org.cloudworkspace.runner.api;
