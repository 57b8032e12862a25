/** Domain exceptions whose message tells the user what happened; the web module maps them to problem details. */
package org.cloudworkspace.common.error;
