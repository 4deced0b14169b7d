package org.peersupport.reporting.web;

import java.time.Clock;
import java.time.Instant;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.shared.MailDelivery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The banner on every administrator's page when the mail server has refused every e-mail for
 * longer than {@link MailDelivery#BANNER_AFTER}: how many minutes, or null when all is well.
 * Read only when a page is rendered, from a state shared for a few seconds.
 */
@ControllerAdvice
class MailBanner {

    private final MailDelivery delivery;

    private final Clock clock;

    MailBanner(MailDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    @ModelAttribute("mailFailingMinutes")
    LazyContextVariable<Long> mailFailingMinutes(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            return null;
        }
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                MailDelivery.State state = delivery.state();
                Instant now = clock.instant();
                return state.failingLong(now) ? state.failingMinutes(now) : null;
            }
        };
    }
}
