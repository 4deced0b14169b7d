/**
 * An append-only log of who read or changed which sensitive record, and when. It never holds
 * the record's content. Administrators read it; nothing can edit or delete it from the app.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "web"})
package org.peersupport.audit;
