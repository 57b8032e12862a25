/**
 * Request signing on the runner side: every request to the runner WAR must carry an HMAC-SHA256 signature made with
 * {@code RUNNER_SHARED_SECRET} (protocol in {@code docs/runner-protocol.md}); anything else is refused before it reaches
 * a resource.
 */
package org.cloudworkspace.runner.security;
