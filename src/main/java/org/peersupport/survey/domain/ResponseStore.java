package org.peersupport.survey.domain;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Anonymous responses: the campaign, the department, the day, and the answers. Nothing here
 * names the invitation or the person it came from, and nothing can: see the V20 migration.
 */
@Repository
public class ResponseStore {

    private final JdbcTemplate jdbc;

    ResponseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID campaignId, long departmentId, LocalDate day, List<Answer> answers) {
        // A random id: a sequence would tell the order in which people answered.
        UUID id = UUID.randomUUID();
        jdbc.update("insert into survey_response (id, campaign_id, department_id, submitted_on) values (?, ?, ?, ?)",
                id, campaignId, departmentId, day);
        jdbc.batchUpdate("""
                insert into survey_answer (response_id, question_id, campaign_id, department_id, choice, text)
                values (?, ?, ?, ?, ?, ?)
                """, answers, answers.size(), (ps, answer) -> {
            ps.setObject(1, id);
            ps.setLong(2, answer.questionId());
            ps.setObject(3, campaignId);
            ps.setLong(4, departmentId);
            if (answer.choice() == null) {
                ps.setNull(5, Types.SMALLINT);
            }
            else {
                ps.setShort(5, answer.choice().shortValue());
            }
            ps.setString(6, answer.text());
        });
    }

    public long count(UUID campaignId) {
        Long count = jdbc.queryForObject("select count(*) from survey_response where campaign_id = ?", Long.class,
                campaignId);
        return count == null ? 0 : count;
    }
}
