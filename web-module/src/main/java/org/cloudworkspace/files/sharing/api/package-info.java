/**
 * The sharing API: owners manage shares and links under {@code /api/shares}, recipients work in what is shared with
 * them under {@code /api/shares/incoming}, and anyone with a link uses {@code /api/public/shares/{token}} without
 * signing in.
 */
package org.cloudworkspace.files.sharing.api;
