/**
 * Demo data for the embedded database: a program like POST, with two hospitals, eleven
 * departments, about 300 roster physicians and one account per role. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "supporter", "referral", "resource", "interaction"})
package org.peersupport.demo;
