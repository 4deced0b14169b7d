/**
 * Accounts, roles and coordinators' hospital scopes; sign-in, lockout and the security filter
 * chain; the current user as every other module sees it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "audit", "web"})
package org.peersupport.account;
