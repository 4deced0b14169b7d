package org.peersupport.notification;

import java.util.List;

import org.peersupport.account.AccountService;
import org.peersupport.interaction.InteractionEvents.EscalationRaised;
import org.peersupport.interaction.InteractionEvents.FollowUpsDue;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Interaction e-mails: an escalation for the hospital's coordinators, and the supporter's daily
 * follow-up reminder. No name, no red flag, no resource, no note: a sentence and a link.
 */
@Component
class InteractionNotices {

    private final AccountService accounts;

    private final SupporterDirectory supporters;

    private final Mail mail;

    InteractionNotices(AccountService accounts, SupporterDirectory supporters, Mail mail) {
        this.accounts = accounts;
        this.supporters = supporters;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(EscalationRaised event) {
        mail.send(accounts.coordinatorEmails(event.hospitalId()), "mail.escalation.subject", "mail.escalation.body",
                event.referralId() == null ? "/escalations" : "/triage/" + event.referralId());
    }

    @ApplicationModuleListener
    void on(FollowUpsDue event) {
        Long physicianId = supporters.physicianIds(List.of(event.supporterId())).get(event.supporterId());
        if (physicianId != null) {
            accounts.emailOfPhysicianAccount(physicianId).ifPresent(email -> mail.send(List.of(email),
                    "mail.followUps.subject", "mail.followUps.body", "/contacts"));
        }
    }
}
