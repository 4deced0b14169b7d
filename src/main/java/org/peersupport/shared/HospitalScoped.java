package org.peersupport.shared;

/**
 * Implemented by the signed-in principal, so that this module's pages can scope their queries
 * without depending on the account module (which depends on this one).
 */
public interface HospitalScoped {

    HospitalScope hospitalScope();
}
