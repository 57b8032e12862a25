/**
 * Outbound HTTP to addresses that come from outside (Document Server callbacks, configured integrations): an address
 * policy that refuses internal destinations, and a client that connects only to the address the policy checked.
 */
package org.cloudworkspace.common.net;
