package org.peersupport.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for reporting tests, written with plain SQL: the interaction module's Java API is not on
 * this branch, and the dashboard only ever reads these tables.
 */
final class ReportRecords {

    private final JdbcTemplate jdbc;

    ReportRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case; first contact and due time may be null. Open unless an outcome is given. */
    UUID referral(long hospitalId, long departmentId, long physicianId, String source, String trigger, boolean urgent,
            String createdAt, String dueAt, String firstContactAt, String outcome) {
        UUID id = UUID.randomUUID();
        String status = outcome != null ? "CLOSED" : firstContactAt != null ? "CONTACTED" : "ASSIGNED";
        jdbc.update("""
                insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent, status,
                                      outcome, due_at, first_contact_at, closed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, hospitalId, departmentId, physicianId, source,
                trigger, urgent, status, outcome, at(dueAt), at(firstContactAt),
                outcome == null ? null : at(createdAt), at(createdAt));
        return id;
    }

    void interaction(long hospitalId, long departmentId, long physicianId, long supporterId, UUID referralId,
            String occurredAt, String outcome, boolean redFlag) {
        jdbc.update("""
                insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, referral_id,
                                         occurred_at, mode, minutes, outcome, red_flag, escalation_action, logged_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PHONE', 30, ?, ?, ?, ?)""", UUID.randomUUID(), hospitalId, departmentId,
                physicianId, supporterId, referralId, at(occurredAt), outcome, redFlag,
                redFlag ? "WARM_HANDOFF" : null, at(occurredAt));
    }

    /** A closed campaign of the built-in program evaluation, frozen with the smallest thresholds allowed. */
    UUID closedCampaign(long hospitalId, LocalDate closesOn) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into survey_campaign (id, hospital_id, template_id, title, opens_on, closes_on, state,
                                             sent_count, failed_count, opened_at, closed_at, min_group_size,
                                             min_free_text_size)
                values (?, ?, (select id from survey_template where family = '6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b'
                                 and revision = 1), 'Program evaluation', ?, ?, 'CLOSED', 0, 0, now(), now(), 5, 10)""",
                id, hospitalId, closesOn.minusDays(14), closesOn);
        return id;
    }

    void invited(UUID campaignId, long departmentId, int invited) {
        jdbc.update("insert into survey_campaign_department (campaign_id, department_id, invited) values (?, ?, ?)",
                campaignId, departmentId, invited);
    }

    /**
     * One anonymous response to the program evaluation. Null answers are left out (as a skipped
     * optional question, or a conditional one not asked). Likert values are 1 to 5.
     */
    void response(UUID campaignId, long departmentId, LocalDate on, boolean hadInteraction, boolean recommend,
            Integer wellBeing, Integer culture) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into survey_response (id, campaign_id, department_id, submitted_on) values (?, ?, ?, ?)",
                id, campaignId, departmentId, on);
        answer(id, campaignId, departmentId, 1, hadInteraction ? 1 : 0);
        answer(id, campaignId, departmentId, 2, recommend ? 1 : 0);
        if (wellBeing != null) {
            answer(id, campaignId, departmentId, 3, wellBeing);
        }
        if (culture != null) {
            answer(id, campaignId, departmentId, 6, culture);
        }
    }

    private void answer(UUID responseId, UUID campaignId, long departmentId, int position, int choice) {
        jdbc.update("""
                insert into survey_answer (response_id, question_id, campaign_id, department_id, choice)
                values (?, (select q.id from survey_question q join survey_campaign c on c.template_id = q.template_id
                            where c.id = ? and q.position = ?), ?, ?, ?)""", responseId, campaignId, position,
                campaignId, departmentId, choice);
    }

    private static Timestamp at(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
