/**
 * Referrals: intake from any signed-in physician, leader and event referrals, duplicate linking,
 * the coordinators' triage queue, matching suggestions, assignment, first-contact time targets and
 * the case life cycle. The referrer is never shown to anyone unless they agreed to be named.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "account", "supporter", "audit", "resource", "web"})
package org.peersupport.referral;
