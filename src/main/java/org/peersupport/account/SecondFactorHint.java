package org.peersupport.account;

import java.util.Optional;

/**
 * What the second step may show a person beside the code field. Only the demo has one: the code of
 * its own staff accounts, whose key and passwords the README publishes anyway.
 */
public interface SecondFactorHint {

    Optional<String> codeFor(String email);
}
