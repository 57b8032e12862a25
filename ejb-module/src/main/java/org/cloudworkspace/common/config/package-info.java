/** Workspace-wide settings from MicroProfile Config (environment first) and the production start-up checks. */
package org.cloudworkspace.common.config;
