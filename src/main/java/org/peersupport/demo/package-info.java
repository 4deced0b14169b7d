/**
 * Demo data for the embedded database: a program like POST, with two hospitals, eleven
 * departments, about 1,200 roster physicians, 59 supporters, 18 months of history and one account
 * per role; the demo mailbox; and "Demo Hospital", an identity provider to sign in with (also run
 * by the tests). Nothing in the app depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "supporter", "referral", "resource", "interaction", "reporting"})
package org.peersupport.demo;
