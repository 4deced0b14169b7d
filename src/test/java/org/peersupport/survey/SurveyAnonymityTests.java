package org.peersupport.survey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.SurveyDriver.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey anonymity is structural: this reads the live schema from PostgreSQL's catalog and proves
 * that nothing joins a response to an invitation, a token or a person.
 *
 * <p>Foreign keys are followed in both directions from survey_response. A path may reach the
 * "group" tables (the campaign, its departments and hospital, the template and its questions), but
 * not continue through them: joining through a group pairs a response with every invitation of the
 * group at once, which identifies nobody. Past those, nothing may be reachable.
 */
@IntegrationTest
class SurveyAnonymityTests {

    static final Set<String> ANONYMOUS = Set.of("survey_response", "survey_answer");

    /** Answers waiting to be published as responses: anonymous in the same way. */
    static final String HELD = "survey_response_pending";

    static final Set<String> GROUPS = Set.of("survey_campaign", "survey_campaign_department", "department",
            "hospital", "survey_question", "survey_template");

    static final Set<String> PERSONAL = Set.of("survey_invitation", "physician", "account", "account_role",
            "account_hospital_scope");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignService campaigns;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    SurveyAnswering answering;

    @Autowired
    ResponseBatches batches;

    @Test
    void a_response_holds_its_campaign_department_day_and_answers_and_nothing_else() {
        assertThat(columns("survey_response")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "id", "uuid", "campaign_id", "uuid", "department_id", "bigint", "submitted_on", "date"));
        assertThat(columns("survey_answer")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "response_id", "uuid", "question_id", "bigint", "campaign_id", "uuid", "department_id", "bigint",
                "choice", "smallint", "text", "character varying"));
        assertThat(columns(HELD)).containsExactlyInAnyOrderEntriesOf(Map.of("id", "uuid", "campaign_id", "uuid",
                "department_id", "bigint", "submitted_on", "date", "question_ids", "ARRAY", "choices", "ARRAY",
                "texts", "ARRAY"));
        // A random id, not a sequence that would tell who answered first.
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and table_name = 'survey_response' and column_name = 'id'
                  and column_default is null and is_identity = 'NO'
                """, Integer.class)).isEqualTo(1);
    }

    @Test
    void an_invitation_holds_a_token_hash_and_a_used_flag_and_no_time_of_use() {
        Map<String, String> columns = columns("survey_invitation");
        assertThat(columns).containsEntry("token_hash", "bytea").containsEntry("previous_token_hash", "bytea")
                .containsEntry("used", "boolean");
        assertThat(columns.keySet()).containsExactlyInAnyOrder("id", "campaign_id", "department_id", "physician_id",
                "email", "token_hash", "previous_token_hash", "used", "mail_kind", "mail_state", "sending_since");
        // Columns of the same name and type could be joined on; they must be group keys only.
        Set<String> shared = new HashSet<>();
        columns.forEach((name, type) -> shared.add(name + " " + type));
        Set<String> anonymous = new HashSet<>();
        columns("survey_response").forEach((name, type) -> anonymous.add(name + " " + type));
        columns("survey_answer").forEach((name, type) -> anonymous.add(name + " " + type));
        columns(HELD).forEach((name, type) -> anonymous.add(name + " " + type));
        shared.retainAll(anonymous);
        assertThat(shared).containsExactlyInAnyOrder("campaign_id uuid", "department_id bigint");
    }

    @Test
    void no_foreign_key_path_leads_from_a_response_to_an_invitation_or_a_person() {
        Map<String, Set<String>> edges = new HashMap<>();
        jdbc.query("""
                select c.conrelid::regclass::text, c.confrelid::regclass::text
                from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where c.contype = 'f' and n.nspname = current_schema()
                """, rs -> {
            String from = rs.getString(1);
            String to = rs.getString(2);
            edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            edges.computeIfAbsent(to, k -> new HashSet<>()).add(from);
        });
        assertThat(edges).as("the catalog was read").containsKeys("survey_response", "survey_invitation", "physician");

        Set<String> reached = new HashSet<>(Set.of("survey_response"));
        Deque<String> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            String table = next.pop();
            if (GROUPS.contains(table)) {
                continue;
            }
            for (String neighbour : edges.getOrDefault(table, Set.of())) {
                if (reached.add(neighbour)) {
                    next.push(neighbour);
                }
            }
        }
        Set<String> beyondGroups = new HashSet<>(reached);
        beyondGroups.removeAll(GROUPS);
        assertThat(beyondGroups).containsExactlyInAnyOrderElementsOf(ANONYMOUS);
        assertThat(reached).doesNotContainAnyElementsOf(PERSONAL);

        // Held answers lead only to their group, like responses.
        assertThat(edges.get(HELD)).containsExactlyInAnyOrder("survey_campaign", "department");

        // And the invitation, for its part, cannot point at a response.
        assertThat(edges.get("survey_invitation")).doesNotContainAnyElementsOf(ANONYMOUS);
        assertThat(edges.get("survey_response")).containsExactlyInAnyOrder("survey_campaign", "department",
                "survey_answer");
    }

    @Test
    void no_trigger_or_view_copies_responses_or_invitations_elsewhere() {
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_trigger
                where not tgisinternal and tgrelid::regclass::text in ('survey_response', 'survey_answer', 'survey_invitation',
                    'survey_response_pending')
                """, Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.view_table_usage
                where table_name in ('survey_response', 'survey_answer', 'survey_invitation', 'survey_response_pending')
                """, Integer.class)).isZero();
    }

    @Test
    void no_transaction_id_id_or_insert_order_ties_a_response_to_its_submission() {
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        int people = ResponseBatches.BATCH;
        Opened campaign = surveys.opened(fixtures.hospital(), people);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String comment = "Answer number " + i;
            assertThat(answering.submit(SurveyDriver.token(campaign.emails().get(i)),
                    SurveyDriver.parameters(surveys.answers(true, comment)))).isInstanceOf(Submission.Saved.class);
            submitted.add(comment);
        }
        String heldWithItsInvitation = """
                select count(*) from survey_response_pending p join survey_invitation i on i.xmin = p.xmin
                where p.campaign_id = ? and i.campaign_id = ?
                """;
        // Submitting stamps the held answer and the spent invitation with one transaction id.
        assertThat(jdbc.queryForObject(heldWithItsInvitation, Integer.class, campaign.id(), campaign.id()))
                .isEqualTo(people);
        Set<String> submissionIds = new HashSet<>(jdbc.queryForList(
                "select id::text from survey_response_pending where campaign_id = ?", String.class, campaign.id()));
        Set<String> submissionTransactions = new HashSet<>(jdbc.queryForList(
                "select xmin::text from survey_response_pending where campaign_id = ?", String.class, campaign.id()));
        assertThat(submissionTransactions).hasSize(people);

        batches.run();

        assertThat(jdbc.queryForObject("select count(*) from survey_response_pending where campaign_id = ?",
                Integer.class, campaign.id())).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from survey_response r join survey_invitation i on i.xmin = r.xmin
                where r.campaign_id = ? and i.campaign_id = ?
                """, Integer.class, campaign.id(), campaign.id())).isZero();
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from survey_invitation where campaign_id = ?",
                Integer.class, campaign.id())).as("all used invitations now share one transaction id").isEqualTo(1);
        List<String> responseTransactions = jdbc.queryForList(
                "select distinct xmin::text from survey_response where campaign_id = ?", String.class, campaign.id());
        assertThat(responseTransactions).as("the batch shares one transaction id, none of a submission's")
                .hasSize(1).doesNotContainAnyElementsOf(submissionTransactions);
        assertThat(jdbc.queryForList("select id::text from survey_response where campaign_id = ?", String.class,
                campaign.id())).hasSize(people).doesNotContainAnyElementsOf(submissionIds);
        // Stored in a shuffled order: the odds that a shuffle of ten keeps answering order are 1 in 3,628,800.
        List<String> stored = jdbc.queryForList("""
                select a.text from survey_response r join survey_answer a on a.response_id = r.id
                where r.campaign_id = ? and a.text is not null order by r.ctid
                """, String.class, campaign.id());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(submitted).isNotEqualTo(submitted);
    }

    @Test
    void fewer_answers_than_a_batch_wait_for_more_or_for_the_close() {
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        Opened campaign = surveys.opened(fixtures.hospital(), 3);
        for (String email : campaign.emails()) {
            answering.submit(SurveyDriver.token(email), SurveyDriver.parameters(surveys.answers(false, null)));
        }
        batches.run();
        assertThat(jdbc.queryForObject("select count(*) from survey_response where campaign_id = ?", Integer.class,
                campaign.id())).isZero();
        campaigns.close(campaign.id(), org.peersupport.shared.HospitalScope.everything());
        assertThat(jdbc.queryForObject("select count(*) from survey_response where campaign_id = ?", Integer.class,
                campaign.id())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from survey_response_pending where campaign_id = ?",
                Integer.class, campaign.id())).isZero();
    }

    private Map<String, String> columns(String table) {
        Map<String, String> columns = new TreeMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select column_name, data_type from information_schema.columns
                where table_schema = current_schema() and table_name = ?
                """, table);
        rows.forEach(row -> columns.put((String) row.get("column_name"), (String) row.get("data_type")));
        return columns;
    }
}
