package org.peersupport.survey.domain;

import java.sql.Connection;
import java.util.ArrayList;
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

    /** Per question, per department: up to {@code limit} free-text answers in random order, and how many. */
    public Map<Long, Map<Long, TextSample>> freeText(UUID campaignId, Collection<Long> departmentIds, int limit) {
        Map<Long, Map<Long, List<String>>> texts = new HashMap<>();
        Map<Long, Map<Long, Long>> totals = new HashMap<>();
        if (departmentIds.isEmpty()) {
            return Map.of();
        }
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement("""
                    select question_id, department_id, text, total from (
                        select question_id, department_id, text,
                               count(*) over (partition by question_id, department_id) as total,
                               row_number() over (partition by question_id, department_id order by random()) as pick
                        from survey_answer
                        where campaign_id = ? and department_id = any(?) and text is not null
                    ) sample
                    where pick <= ?
                    order by question_id, department_id, pick
                    """);
            statement.setObject(1, campaignId);
            statement.setArray(2, connection.createArrayOf("bigint", departmentIds.toArray()));
            statement.setInt(3, limit);
            return statement;
        }, rs -> {
            long question = rs.getLong(1);
            long department = rs.getLong(2);
            texts.computeIfAbsent(question, q -> new HashMap<>()).computeIfAbsent(department, d -> new ArrayList<>())
                    .add(rs.getString(3));
            totals.computeIfAbsent(question, q -> new HashMap<>()).put(department, rs.getLong(4));
        });
        Map<Long, Map<Long, TextSample>> samples = new HashMap<>();
        texts.forEach((question, byDepartment) -> byDepartment.forEach((department, answers) -> samples
                .computeIfAbsent(question, q -> new HashMap<>())
                .put(department, new TextSample(totals.get(question).get(department), List.copyOf(answers)))));
        return samples;
    }
}
