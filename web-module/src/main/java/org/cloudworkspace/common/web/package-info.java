/** The HTTP shell: the JAX-RS application, security headers, client addresses, the SPA's route fallback. */
package org.cloudworkspace.common.web;
