/**
 * The shared shell of every page: layout, form fragments, error pages, controller advice and
 * small helpers (CSV writing, not-found and stale-edit signals) that every module may use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.peersupport.web;
