/**
 * Peer interactions: the contacts a supporter logs on a case or as a proactive check-in, red flags
 * and their escalation to resources of the directory, follow-ups, and notes that only their author
 * reads and that are deleted after the retention period. Which red flag was seen is never stored.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "account", "supporter", "referral", "resource", "audit", "web"})
package org.peersupport.interaction;
