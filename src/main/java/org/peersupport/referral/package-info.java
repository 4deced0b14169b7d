/**
 * Referrals: intake, triage, matching, assignment, time targets and the case life cycle.
 * For now only the entry point physicians reach from their home page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.peersupport.referral;
