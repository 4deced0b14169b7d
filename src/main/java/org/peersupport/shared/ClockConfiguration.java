package org.peersupport.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one clock. {@code peersupport.clock.start} (environment: {@code PEERSUPPORT_CLOCK_START}),
 * an ISO instant, starts it at that instant, and it ticks on from there: for tests at a chosen hour
 * (evening in California, already tomorrow in UTC) and for demonstrations.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${peersupport.clock.start:}") String start) {
        return startingAt(start, Clock.systemUTC());
    }

    static Clock startingAt(String start, Clock system) {
        if (!StringUtils.hasText(start)) {
            return system;
        }
        Instant from = Instant.parse(start.strip());
        return Clock.offset(system, Duration.between(system.instant(), from));
    }
}
