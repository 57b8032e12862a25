/** Encryption of data at rest under {@code APP_ENCRYPTION_KEY}. */
package org.cloudworkspace.common.crypto;
