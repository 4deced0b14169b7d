package org.peersupport.account.security;

import java.time.Duration;
import java.time.Instant;

/** Lets tests elsewhere pause a client address as enough failures from it would. */
public final class SignInThrottleAccess {

    private SignInThrottleAccess() {
    }

    public static void pause(SignInThrottle throttle, String clientAddress, Instant now) {
        SignInThrottle.Rule one = new SignInThrottle.Rule(1, Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofHours(1));
        throttle.fill(SignInThrottle.clientKey(clientAddress), one, now);
    }
}
