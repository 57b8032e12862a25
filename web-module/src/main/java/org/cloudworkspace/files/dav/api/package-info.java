/**
 * WebDAV (RFC 4918, classes 1 and 2) on users' files at {@code /dav/files/{username}/}: a servlet that speaks the
 * protocol (custom methods, XML bodies, multistatus answers, If headers) over the file service, with Basic
 * authentication by app password or account password.
 */
package org.cloudworkspace.files.dav.api;
