/**
 * Peer supporters and their training: the supporter roster (status, capacity, departments served,
 * declared conflicts), the curriculum, training sessions with attendance and module completion,
 * derived certification and its expiry, and who may take a case now.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "web"})
package org.peersupport.supporter;
