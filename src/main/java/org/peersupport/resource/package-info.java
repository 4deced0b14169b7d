/**
 * The directory of support resources (EAP, crisis lines, mental health, physician wellness, legal
 * or risk support, chaplaincy), program-wide or one hospital's own, and the public crisis page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account", "web"})
package org.peersupport.resource;
