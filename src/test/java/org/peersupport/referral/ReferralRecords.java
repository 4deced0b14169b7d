package org.peersupport.referral;

import java.util.Map;
import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Referrals made through the real services, and what the database holds about them, for the
 * referral module's integration tests. A plain helper, not a bean, so the tests keep sharing one
 * Spring context.
 */
final class ReferralRecords {

    private final ReferralService referrals;

    private final TriageService triage;

    private final RosterService roster;

    private final JdbcTemplate jdbc;

    ReferralRecords(ReferralService referrals, TriageService triage, RosterService roster, JdbcTemplate jdbc) {
        this.referrals = referrals;
        this.triage = triage;
        this.roster = roster;
        this.jdbc = jdbc;
    }

    /** The referrer refers a colleague (not urgent, no context, not named); returns the open case. */
    UUID refer(CurrentUser referrer, long colleagueId) {
        return refer(referrer, colleagueId, false, null, false);
    }

    UUID refer(CurrentUser referrer, long colleagueId, boolean danger, String context, boolean named) {
        referrals.refer(referrer, new NewReferral(colleagueId, false, false, Trigger.BURNOUT, danger, context, named,
                UUID.randomUUID()));
        return openCaseOf(colleagueId);
    }

    /** Refers and assigns to the supporter, as the coordinator; returns the case. */
    UUID assigned(CurrentUser referrer, long colleagueId, long supporterId, CurrentUser coordinator) {
        UUID id = refer(referrer, colleagueId);
        assign(id, supporterId, coordinator);
        return id;
    }

    void assign(UUID id, long supporterId, CurrentUser coordinator) {
        triage.assign(id, supporterId, version(id), coordinator);
    }

    UUID openCaseOf(long physicianId) {
        return jdbc.queryForObject("select id from referral where physician_id = ? and status <> 'CLOSED'", UUID.class,
                physicianId);
    }

    long version(UUID id) {
        return jdbc.queryForObject("select version from referral where id = ?", Long.class, id);
    }

    String status(UUID id) {
        return jdbc.queryForObject("select status from referral where id = ?", String.class, id);
    }

    Long supporterOf(UUID id) {
        return jdbc.queryForObject("select supporter_id from referral where id = ?", Long.class, id);
    }

    Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("select * from referral where id = ?", id);
    }

    int casesOf(long physicianId) {
        return jdbc.queryForObject("select count(*) from referral where physician_id = ?", Integer.class, physicianId);
    }

    int requestsOf(UUID id) {
        return jdbc.queryForObject("select count(*) from referral_request where referral_id = ?", Integer.class, id);
    }

    /** The roster name of a physician, as pages show it. */
    String name(long physicianId) {
        return roster.physician(physicianId).orElseThrow().name();
    }

    String name(CurrentUser user) {
        return name(user.physicianId().orElseThrow());
    }
}
