/** Turns every error into one RFC 9457 problem-details shape; never a stack trace. */
package org.cloudworkspace.common.error;
