/**
 * The files REST API under {@code /api/files}: folders, streamed uploads and downloads (ranges, entity tags, safe
 * disposition), rename/move/copy, trash, versions, search, recent files, favourites, usage and zip downloads.
 */
package org.cloudworkspace.files.api;
