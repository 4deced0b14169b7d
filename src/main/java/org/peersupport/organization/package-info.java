/**
 * Program settings, hospitals, departments and the physician roster, with its CSV import.
 * The roster is the denominator for reach; every other module refers to its rows by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "web"})
package org.peersupport.organization;
