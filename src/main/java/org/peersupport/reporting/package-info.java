/**
 * Read models over every other module: for now the home page of each role, later the program
 * dashboard, charts and CSV exports. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "account", "web"})
package org.peersupport.reporting;
