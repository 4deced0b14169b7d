package org.peersupport.account;

/**
 * A passkey was added to an account: it now signs the person in on its own. The owner is told by
 * e-mail, so a passkey they did not add does not go unnoticed.
 */
public record PasskeyAdded(long accountId) {
}
