/**
 * The app's client for the runner server: signs every request with {@code RUNNER_SHARED_SECRET} as described in
 * {@code docs/runner-protocol.md} and sends it over HTTP on the internal network.
 */
package org.cloudworkspace.ide.runner;
