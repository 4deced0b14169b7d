package org.peersupport.notification;

import java.util.List;

import org.peersupport.account.AccountService;
import org.peersupport.referral.ReferralEvents.ReferralAssigned;
import org.peersupport.referral.ReferralEvents.ReferralNotAssigned;
import org.peersupport.referral.ReferralEvents.ReferralOverdue;
import org.peersupport.referral.ReferralEvents.ReferralReceived;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Referral e-mails: "a referral needs your attention" and a link. Never a name, a trigger or the
 * context; the link leads to a page that checks who may see the case.
 */
@Component
class ReferralNotices {

    private final AccountService accounts;

    private final SupporterDirectory supporters;

    private final Mail mail;

    ReferralNotices(AccountService accounts, SupporterDirectory supporters, Mail mail) {
        this.accounts = accounts;
        this.supporters = supporters;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(ReferralReceived event) {
        mail.send(accounts.coordinatorEmails(event.hospitalId()), "mail.referral.new.subject",
                "mail.referral.new.body", "/triage/" + event.referralId());
    }

    @ApplicationModuleListener
    void on(ReferralAssigned event) {
        Long physicianId = supporters.physicianIds(List.of(event.supporterId())).get(event.supporterId());
        if (physicianId != null) {
            accounts.emailOfPhysicianAccount(physicianId).ifPresent(email -> mail.send(List.of(email),
                    "mail.referral.assigned.subject", "mail.referral.assigned.body", "/cases/" + event.referralId()));
        }
    }

    @ApplicationModuleListener
    void on(ReferralNotAssigned event) {
        mail.send(accounts.coordinatorEmails(event.hospitalId()), "mail.referral.notAssigned.subject",
                "mail.referral.notAssigned.body", "/triage/" + event.referralId());
    }

    @ApplicationModuleListener
    void on(ReferralOverdue event) {
        mail.send(accounts.coordinatorEmails(event.hospitalId()), "mail.referral.overdue.subject",
                "mail.referral.overdue.body", "/triage/" + event.referralId());
    }
}
