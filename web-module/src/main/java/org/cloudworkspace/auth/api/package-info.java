/** Sign-in, token refresh, sign-out and the signed-in user's own account. */
package org.cloudworkspace.auth.api;
