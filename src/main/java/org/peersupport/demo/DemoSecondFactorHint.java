package org.peersupport.demo;

import java.time.Clock;
import java.util.Optional;

import org.peersupport.account.SecondFactorHint;
import org.peersupport.account.Totp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The demo's administrator and coordinator use the README's authenticator key; so that a first
 * look needs no phone, their second step shows the code of the moment. No other account's.
 */
@Component
@ConditionalOnExpression("${peersupport.demo-data:false} or '${spring.datasource.url:}'.isEmpty()")
class DemoSecondFactorHint implements SecondFactorHint {

    private final Clock clock;

    DemoSecondFactorHint(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> codeFor(String email) {
        return DemoData.STAFF.contains(email)
                ? Optional.of(Totp.code(DemoData.AUTHENTICATOR_KEY, Totp.step(clock.instant()))) : Optional.empty();
    }
}
