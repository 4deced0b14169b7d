package org.peersupport.shared;

/**
 * The signed-in person as every module may know them, without the account module: whose account
 * acts, and which hospitals they may see. The principal of a session implements it.
 */
public interface ActingUser extends HospitalScoped {

    long accountId();
}
