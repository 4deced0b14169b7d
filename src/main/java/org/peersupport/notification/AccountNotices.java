package org.peersupport.notification;

import java.util.List;

import org.peersupport.account.AccountService;
import org.peersupport.account.PasskeyAdded;
import org.peersupport.account.PasswordChanged;
import org.peersupport.account.SecondFactorReset;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person that their password was set or changed, a passkey added, or their second factor
 * reset; the e-mail holds nothing else.
 */
@Component
class AccountNotices {

    private final AccountService accounts;

    private final Mail mail;

    AccountNotices(AccountService accounts, Mail mail) {
        this.accounts = accounts;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        mail.send(List.of(accounts.account(event.accountId()).email()), "mail.password.subject", "mail.password.body",
                "/login");
    }

    @ApplicationModuleListener
    void on(SecondFactorReset event) {
        mail.send(List.of(accounts.account(event.accountId()).email()), "mail.secondFactorReset.subject",
                "mail.secondFactorReset.body", "/login");
    }

    @ApplicationModuleListener
    void on(PasskeyAdded event) {
        mail.send(List.of(accounts.account(event.accountId()).email()), "mail.passkeyAdded.subject",
                "mail.passkeyAdded.body", "/account/security");
    }
}
