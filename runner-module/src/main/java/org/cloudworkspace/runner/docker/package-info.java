/**
 * The runner's side of the Docker engine: workspace containers with settings the runner alone decides (hardening,
 * limits, labels, volume), commands and file operations executed inside them as the workspace user.
 */
package org.cloudworkspace.runner.docker;
