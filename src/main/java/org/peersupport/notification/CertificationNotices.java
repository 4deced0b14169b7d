package org.peersupport.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.peersupport.account.AccountService;
import org.peersupport.supporter.CertificationExpiring;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a hospital's coordinators, and the supporter, that a certification is about to expire. */
@Component
class CertificationNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final AccountService accounts;

    private final Mail mail;

    CertificationNotices(AccountService accounts, Mail mail) {
        this.accounts = accounts;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(CertificationExpiring event) {
        String date = DATE.format(event.expiresOn());
        mail.send(accounts.coordinatorEmails(event.hospitalId()), "mail.certification.coordinator.subject",
                "mail.certification.coordinator.body", "/supporters/" + event.supporterId(), date);
        accounts.emailOfPhysicianAccount(event.physicianId()).ifPresent(email -> mail.send(List.of(email),
                "mail.certification.supporter.subject", "mail.certification.supporter.body", "/my/training", date));
    }
}
