package org.peersupport.interaction;

import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases made through the referral module's real services, for the interaction tests: referred,
 * then assigned by the coordinator. A plain helper, not a bean, so the tests share one context.
 */
final class CaseFlow {

    private final ReferralService referrals;

    private final TriageService triage;

    private final JdbcTemplate jdbc;

    CaseFlow(ReferralService referrals, TriageService triage, JdbcTemplate jdbc) {
        this.referrals = referrals;
        this.triage = triage;
        this.jdbc = jdbc;
    }

    /** A case for the colleague, with this context, assigned to the supporter; returns its id. */
    UUID assigned(CurrentUser referrer, long colleagueId, String context, long supporterId, CurrentUser coordinator) {
        referrals.refer(referrer, new NewReferral(colleagueId, false, false, Trigger.BURNOUT, false, context, false,
                UUID.randomUUID()));
        UUID id = jdbc.queryForObject("select id from referral where physician_id = ? and status <> 'CLOSED'",
                UUID.class, colleagueId);
        triage.assign(id, supporterId, version(id), coordinator);
        return id;
    }

    long version(UUID id) {
        return jdbc.queryForObject("select version from referral where id = ?", Long.class, id);
    }

    String status(UUID id) {
        return jdbc.queryForObject("select status from referral where id = ?", String.class, id);
    }

    int contactsOn(UUID id) {
        return jdbc.queryForObject("select count(*) from interaction where referral_id = ?", Integer.class, id);
    }
}
