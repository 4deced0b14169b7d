/**
 * The kernel every module may use, and that uses none of them: the hospital calendar over the one
 * {@link java.time.Clock}, the hospitals a caller may see, and the signals a rule or a look-up
 * raises (a broken rule, a record not found, a stale edit). Nothing here knows about the web.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.peersupport.shared;
