/** Administration endpoints, for the admin role only. */
package org.cloudworkspace.admin.api;
