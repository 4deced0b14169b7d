/**
 * E-mail, sent on the other modules' events. E-mails never carry anything sensitive: they say
 * that something needs attention and link to the app, where access is checked.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "account", "supporter", "referral", "interaction", "survey"})
package org.peersupport.notification;
