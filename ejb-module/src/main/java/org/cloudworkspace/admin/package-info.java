/** Administration of accounts: creating, listing, disabling and enabling users, each action audited. */
package org.cloudworkspace.admin;
