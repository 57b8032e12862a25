/**
 * The browser IDE's control plane: users' workspaces (each a container with a persistent volume on the runner), their
 * lifecycle, limits, idle auto-stop and reconciliation, file access and terminal tickets. The runner is reached
 * through the {@link org.cloudworkspace.ide.WorkspaceRuntime} port.
 */
package org.cloudworkspace.ide;
