package org.peersupport.account;

/**
 * An account's password was set or changed, by its owner (only they ever type it). The owner is
 * told by e-mail, so a change they did not make does not go unnoticed.
 */
public record PasswordChanged(long accountId) {
}
