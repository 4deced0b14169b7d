/**
 * Program evaluation surveys: templates of ordered questions, campaigns for chosen departments of
 * a hospital, one-time invitations sent by e-mail, anonymous responses and suppressed results.
 *
 * <p>Anonymity is structural: a response row has no column, key or join path to an invitation, a
 * token or a person (see the V20 migration and SurveyAnonymityTests). Results for small groups are
 * hidden, with complementary suppression, so that a hidden group cannot be recovered by subtraction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "web"})
package org.peersupport.survey;
