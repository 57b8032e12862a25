/**
 * Documents: editing office files in an OnlyOffice Document Server (signed editor configs, document keys per version,
 * the callback handler that stores every save as a new file version and never loses one) and what the SPA needs
 * without a Document Server (blank OOXML documents, which files open where).
 */
package org.cloudworkspace.office;
