/** The documents REST API: editor configs, the Document Server's callback and download, new documents, unsaved changes. */
package org.cloudworkspace.office.api;
