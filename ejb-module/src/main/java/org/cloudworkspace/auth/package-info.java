/**
 * Accounts and sign-in: users, password hashing and policy, access tokens (JWT), sessions with rotating refresh tokens,
 * brute-force throttling and the first admin.
 */
package org.cloudworkspace.auth;
