/**
 * Workspace settings that admins change at run time: stored in the database over the configured defaults, validated
 * against one catalog, read by every context through {@link org.cloudworkspace.common.settings.SettingsService}.
 */
package org.cloudworkspace.common.settings;
