/**
 * Sharing of files and folders: with other users (read-only or read-write, shown to them under "Shared with me") and
 * by public link (read-only or upload-only, with optional password, expiry and a download count). Recipients act on
 * the owner's files through {@link org.cloudworkspace.files.FileService} as the owner, after the checks here confined
 * them to the shared subtree; so their writes count against the owner's quota.
 */
package org.cloudworkspace.files.sharing;
