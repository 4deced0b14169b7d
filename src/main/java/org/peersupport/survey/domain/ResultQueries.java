package org.peersupport.survey.domain;

import java.sql.Connection;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peersupport.survey.domain.ResultsBuilder.TextSample;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts for the results, computed by PostgreSQL from the covering indexes of survey_answer and
 * survey_response: the application never loads the answers themselves, except a bounded random
 * sample of free text for groups large enough to show it.
 */
@Repository
public class ResultQueries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    ResultQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Long> respondents(UUID campaignId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select department_id, count(*) from survey_response where campaign_id = ? group by department_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, campaignId);
        return counts;
    }

    /** Per question, per department, per value: how many chose it. */
    public Map<Long, Map<Long, Map<Integer, Long>>> choiceCounts(UUID campaignId) {
        Map<Long, Map<Long, Map<Integer, Long>>> counts = new HashMap<>();
        jdbc.query("""
                select question_id, department_id, choice, count(*) from survey_answer
                where campaign_id = ? and choice is not null
                group by department_id, question_id, choice
                """, rs -> {
            counts.computeIfAbsent(rs.getLong(1), q -> new HashMap<>())
                    .computeIfAbsent(rs.getLong(2), d -> new HashMap<>())
                    .put(rs.getInt(3), rs.getLong(4));
        }, campaignId);
        return counts;
    }

    /**
     * Per question, per department: up to {@code limit} free-text answers, and how many there are.
     * The sample starts at a random response id and runs on in id order, wrapping around; response
     * ids are random UUIDs, so it is a uniform random sample, read from the index without sorting.
     * The caller shuffles it, so the order says nothing either.
     */
    public Map<Long, Map<Long, TextSample>> freeText(UUID campaignId, Collection<Long> departmentIds,
            Collection<Long> questionIds, int limit) {
        if (departmentIds.isEmpty() || questionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<Long, Long>> totals = new HashMap<>();
        Map<Long, Map<Long, List<String>>> texts = new HashMap<>();
        UUID from = UUID.randomUUID();
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement("""
                    select a.question_id, a.department_id, count(*) from survey_answer a
                    where a.campaign_id = ? and a.department_id = any(?) and a.question_id = any(?) and a.text is not null
                    group by a.question_id, a.department_id
                    """);
            statement.setObject(1, campaignId);
            statement.setArray(2, connection.createArrayOf("bigint", departmentIds.toArray()));
            statement.setArray(3, connection.createArrayOf("bigint", questionIds.toArray()));
            return statement;
        }, rs -> {
            totals.computeIfAbsent(rs.getLong(1), q -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
        });
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement("""
                    select q.id, d.id, picked.text
                    from unnest(?::bigint[]) d(id) cross join unnest(?::bigint[]) q(id)
                    cross join lateral (
                        (select a.text, 0 as lap, a.response_id from survey_answer a
                         where a.campaign_id = ? and a.department_id = d.id and a.question_id = q.id
                           and a.text is not null and a.response_id >= ?
                         order by a.response_id limit ?)
                        union all
                        (select a.text, 1 as lap, a.response_id from survey_answer a
                         where a.campaign_id = ? and a.department_id = d.id and a.question_id = q.id
                           and a.text is not null and a.response_id < ?
                         order by a.response_id limit ?)
                        order by lap, response_id limit ?
                    ) picked
                    """);
            statement.setArray(1, connection.createArrayOf("bigint", departmentIds.toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", questionIds.toArray()));
            statement.setObject(3, campaignId);
            statement.setObject(4, from);
            statement.setInt(5, limit);
            statement.setObject(6, campaignId);
            statement.setObject(7, from);
            statement.setInt(8, limit);
            statement.setInt(9, limit);
            return statement;
        }, rs -> {
            texts.computeIfAbsent(rs.getLong(1), q -> new HashMap<>()).computeIfAbsent(rs.getLong(2),
                    d -> new ArrayList<>()).add(rs.getString(3));
        });
        Map<Long, Map<Long, TextSample>> samples = new HashMap<>();
        totals.forEach((question, byDepartment) -> byDepartment.forEach((department, total) -> {
            List<String> picked = new ArrayList<>(texts.getOrDefault(question, Map.of())
                    .getOrDefault(department, List.of()));
            Collections.shuffle(picked, RANDOM);
            samples.computeIfAbsent(question, q -> new HashMap<>()).put(department,
                    new TextSample(total, List.copyOf(picked)));
        }));
        return samples;
    }
}
