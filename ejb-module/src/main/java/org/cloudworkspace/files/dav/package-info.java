/**
 * The storage side of WebDAV on users' files: resolving paths to nodes, locks kept in the database (so that every app
 * instance agrees), dead properties, and the few composite operations WebDAV needs (overwrite on MOVE and COPY) made
 * of {@link org.cloudworkspace.files.FileService} calls in one transaction.
 */
package org.cloudworkspace.files.dav;
