/**
 * Read models over every other module: the home page of each role, and the program dashboard (its
 * RE-AIM figures, charts, study table and CSV exports). Nothing depends on this module.
 *
 * <p>The dashboard is a read model. It runs read-only SQL aggregations over the other modules'
 * tables (organization, supporter, referral, interaction) into summaries of its own (V24, kept by
 * {@link org.peersupport.reporting.ReportingRefresh}), and takes survey outcomes only through the
 * survey module's public results, which are already suppressed. It never reads interaction notes,
 * names or any single person's record: every figure is a count.
 * <p>The coordinator's home page is a work queue: it asks the referral, supporter and interaction modules,
 * through their public API, what needs the coordinator now (counts only).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "survey", "referral", "supporter", "interaction", "notification", "web"})
package org.peersupport.reporting;
