package org.peersupport.survey.domain;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Anonymous responses: the campaign, the department, the day, and the answers. Nothing here
 * names the invitation or the person it came from, and nothing can: see the V20 migration.
 *
 * <p>An answer is first held (in the transaction that spends its invitation), then published with
 * others in a shuffled batch: see the V33 migration for why.
 */
@Repository
public class ResponseStore {

    private final JdbcTemplate jdbc;

    ResponseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private final SecureRandom random = new SecureRandom();

    /** Holds an answer until its batch is published; call in the transaction that spends the invitation. */
    public void hold(UUID campaignId, long departmentId, LocalDate day, List<Answer> answers) {
        jdbc.update((Connection connection) -> {
            var statement = connection.prepareStatement("""
                    insert into survey_response_pending
                        (id, campaign_id, department_id, submitted_on, question_ids, choices, texts)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """);
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, campaignId);
            statement.setLong(3, departmentId);
            statement.setDate(4, Date.valueOf(day));
            statement.setArray(5, connection.createArrayOf("bigint",
                    answers.stream().map(Answer::questionId).toArray(Long[]::new)));
            statement.setArray(6, connection.createArrayOf("smallint",
                    answers.stream().map(a -> a.choice() == null ? null : a.choice().shortValue()).toArray(Short[]::new)));
            statement.setArray(7, connection.createArrayOf("text", answers.stream().map(Answer::text).toArray(String[]::new)));
            return statement;
        });
    }

    /**
     * Publishes the campaign's held answers as responses, in a random order and under new ids, when
     * at least {@code atLeast} are waiting, or all of them once the campaign is closed; returns how
     * many. Call in a transaction: the batch is published whole or not at all. The campaign's row is
     * locked first, as closing does, so that publishing and closing never overlap.
     */
    public int publishHeld(UUID campaignId, int atLeast) {
        String state = jdbc.queryForObject("select state from survey_campaign where id = ? for update", String.class,
                campaignId);
        List<Held> held = jdbc.query("""
                select id, department_id, submitted_on, question_ids, choices, texts
                from survey_response_pending where campaign_id = ? for update
                """, (rs, row) -> held(rs), campaignId);
        if (held.isEmpty() || (held.size() < atLeast && !"CLOSED".equals(state))) {
            return 0;
        }
        Collections.shuffle(held, random);
        for (Held one : held) {
            insert(campaignId, one.departmentId, one.day, one.answers);
        }
        jdbc.update((Connection connection) -> {
            var statement = connection.prepareStatement("delete from survey_response_pending where id = any(?)");
            statement.setArray(1, connection.createArrayOf("uuid", held.stream().map(Held::id).toArray()));
            return statement;
        });
        return held.size();
    }

    /** The campaigns that have answers waiting to be published. */
    public List<UUID> campaignsWithHeldAnswers() {
        return jdbc.queryForList("select distinct campaign_id from survey_response_pending", UUID.class);
    }

    private record Held(UUID id, long departmentId, LocalDate day, List<Answer> answers) {
    }

    private static Held held(ResultSet rs) throws SQLException {
        Long[] questions = (Long[]) array(rs.getArray("question_ids"));
        Object[] choices = array(rs.getArray("choices"));
        String[] texts = (String[]) array(rs.getArray("texts"));
        List<Answer> answers = new ArrayList<>(questions.length);
        for (int i = 0; i < questions.length; i++) {
            answers.add(new Answer(questions[i], choices[i] == null ? null : ((Number) choices[i]).intValue(), texts[i]));
        }
        return new Held(rs.getObject("id", UUID.class), rs.getLong("department_id"),
                rs.getObject("submitted_on", LocalDate.class), answers);
    }

    private static Object[] array(Array array) throws SQLException {
        return (Object[]) array.getArray();
    }

    private void insert(UUID campaignId, long departmentId, LocalDate day, List<Answer> answers) {
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

    /** Every response of the campaign, published or still held. */
    public long count(UUID campaignId) {
        Long count = jdbc.queryForObject("""
                select (select count(*) from survey_response where campaign_id = ?)
                     + (select count(*) from survey_response_pending where campaign_id = ?)
                """, Long.class, campaignId, campaignId);
        return count == null ? 0 : count;
    }
}
