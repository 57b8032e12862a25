/** The mail REST API under {@code /api/mail}: accounts, folders, messages, composing, uploads, the message frame. */
package org.cloudworkspace.mail.api;
