/**
 * Files: each user's tree of folders and files, their bytes behind the {@link org.cloudworkspace.files.BlobStore}
 * port, versions kept on overwrite, the trash, favourites and per-user quotas.
 */
package org.cloudworkspace.files;
