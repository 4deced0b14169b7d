/**
 * The shared shell of every page: layout, form fragments, error pages, controller advice and
 * small helpers (CSV writing, turning broken rules into form errors) that every module may use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.peersupport.web;
