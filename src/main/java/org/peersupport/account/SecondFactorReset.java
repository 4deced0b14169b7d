package org.peersupport.account;

/**
 * An administrator reset an account's second factor: its authenticator app, recovery codes and
 * passkeys are forgotten, and the next sign-in sets up new ones. The owner is told by e-mail, so a
 * reset they did not ask for does not go unnoticed.
 */
public record SecondFactorReset(long accountId) {
}
