package org.peersupport.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How long opening a campaign for 20,000 physicians takes, how fast its e-mails go out, and how
 * long the results take over a million stored answers. It prints the figures and checks only that
 * the work was done: a timed assertion would fail on a slow CI machine and prove nothing.
 *
 * <p>Its name matches none of Surefire's default patterns, so {@code ./mvnw verify} leaves it out.
 * Run it with {@code ./mvnw -B -ntp test -Dtest=SurveyBenchmark}; the figures are in
 * target/surefire-reports/org.peersupport.survey.SurveyBenchmark-output.txt.
 */
@IntegrationTest
class SurveyBenchmark {

    static final int PHYSICIANS = 20_000;

    static final int RESPONSES = 205_000;

    static final int WARM_UP = 20;

    static final int RUNS = 20;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignService campaigns;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    SurveyResultsService results;

    @Autowired
    OrganizationService organization;

    @Autowired
    MockMvcTester mvc;


    @Autowired
    org.peersupport.survey.domain.ResultQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twenty_thousand_invitations_and_a_million_answers() throws Exception {
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        Fixtures.Place place = fixtures.hospital();
        List<Long> departments = new ArrayList<>(List.of(place.departmentId()));
        for (String name : List.of("Surgery", "Pediatrics", "Emergency Medicine")) {
            departments.add(organization.createDepartment(place.hospitalId(), Fixtures.unique(name),
                    HospitalScope.everything()));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PHYSICIANS; i++) {
            rows.add(new Object[] {"Physician " + i, "bench-" + run + "-" + i + "@example.org",
                    departments.get(i % departments.size())});
        }
        jdbc.batchUpdate("insert into physician (name, email, department_id) values (?, ?, ?)", rows);

        // Opening: one invitation per physician, in one transaction, in the request.
        UUID campaign = surveys.draft(place, departments);
        long start = System.nanoTime();
        int invited = campaigns.open(campaign, HospitalScope.everything());
        long opened = System.nanoTime();
        assertThat(invited).isEqualTo(PHYSICIANS);
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                campaign)).isEqualTo(PHYSICIANS);

        // Sending: ten batches of e-mails over SMTP to the in-process server, as the background job does.
        long sendStart = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < 10; i++) {
            sent += mailer.sendBatch();
        }
        long sendEnd = System.nanoTime();
        assertThat(sent).isEqualTo(10 * InvitationMailer.BATCH);
        campaigns.close(campaign, HospitalScope.everything());

        // Results over a million answers, stored directly: 205,000 responses in four departments.
        UUID measured = surveys.draft(place, departments);
        campaigns.open(measured, HospitalScope.everything());
        jdbc.update("delete from survey_invitation where campaign_id = ?", measured);
        List<QuestionView> q = surveys.template().questions();
        long insertStart = System.nanoTime();
        Long[] departmentIds = departments.toArray(new Long[0]);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into survey_response (id, campaign_id, department_id, submitted_on)
                    select gen_random_uuid(), ?, (?::bigint[])[1 + g % 4], current_date - (g % 30)
                    from generate_series(0, ? - 1) g
                    """);
            statement.setObject(1, measured);
            statement.setArray(2, connection.createArrayOf("bigint", departmentIds));
            statement.setInt(3, RESPONSES);
            return statement;
        });
        // Question 1: yes for about 60%; 3 to 5 only after a yes; 2 and 6 for all; free text for 10%.
        jdbc.update("""
                insert into survey_answer (response_id, question_id, campaign_id, department_id, choice, text)
                select r.id, q.id, r.campaign_id, r.department_id,
                       case when q.kind = 'FREE_TEXT' then null
                            when q.position = 1 then case when h < 60 then 1 else 0 end
                            when q.kind = 'YES_NO' then case when h % 7 < 6 then 1 else 0 end
                            else 1 + (h + q.position) % 5 end,
                       case when q.kind = 'FREE_TEXT' then 'Benchmark comment ' || h end
                from (select id, campaign_id, department_id, abs(hashtext(id::text)) % 100 as h
                      from survey_response where campaign_id = ?) r
                join survey_question q on q.template_id = ?
                where (q.shown_if_yes_to is null or r.h < 60) and (q.kind <> 'FREE_TEXT' or r.h % 10 = 0)
                """, measured, surveys.programEvaluation());
        long inserted = System.nanoTime();
        Long answers = jdbc.queryForObject("select count(*) from survey_answer where campaign_id = ?", Long.class,
                measured);
        Long allAnswers = jdbc.queryForObject("select count(*) from survey_answer", Long.class);
        assertThat(answers).isGreaterThanOrEqualTo(1_000_000L);

        // Results exist once the campaign has closed.
        campaigns.close(measured, HospitalScope.everything());
        long[] cold = time(() -> results.results(measured, HospitalScope.everything()), 1);
        jdbc.execute("vacuum analyze survey_response");
        jdbc.execute("vacuum analyze survey_answer");
        // A running server is warm: the first calls wait for the JIT compiler, so they are left out.
        time(() -> results.results(measured, HospitalScope.everything()), WARM_UP);
        long[] service = time(() -> results.results(measured, HospitalScope.everything()), RUNS);
        SurveyResults found = results.results(measured, HospitalScope.everything());
        assertThat(found.total().responded()).isEqualTo(RESPONSES);
        assertThat(found.questions().get(6).freeText()).allSatisfy(f -> assertThat(f.answers()).hasSize(100));

        long[] respondents = time(() -> queries.respondents(measured), RUNS);
        long[] choices = time(() -> queries.choiceCounts(measured), RUNS);
        long[] texts = time(() -> queries.freeText(measured, departments, List.of(q.get(6).id()), 100), RUNS);

        CurrentUser admin = fixtures.admin();
        time(() -> page(mvc, "/surveys/" + measured + "/results", admin), WARM_UP);
        long[] page = time(() -> page(mvc, "/surveys/" + measured + "/results", admin), RUNS);
        time(() -> page(mvc, "/surveys/" + measured + "/results.csv", admin), WARM_UP);
        long[] csv = time(() -> page(mvc, "/surveys/" + measured + "/results.csv", admin), RUNS);


        System.out.printf("SurveyBenchmark on %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                jdbc.queryForObject("select version()", String.class));
        System.out.printf("  open a campaign for %,d physicians (invitations created) : %,6d ms%n", PHYSICIANS,
                millis(start, opened));
        System.out.printf("  send %,d e-mails over SMTP in %d batches               : %,6d ms (%,d e-mails/s)%n",
                sent, 10, millis(sendStart, sendEnd), sent * 1000L / Math.max(1, millis(sendStart, sendEnd)));
        System.out.printf("  store %,d responses with %,d answers (SQL, setup)      : %,6d ms; %,d answers in the table%n",
                RESPONSES, answers, millis(insertStart, inserted), allAnswers);
        System.out.printf("  results, service, first call before vacuum           : %,6d ms%n", cold[0]);
        System.out.printf("  results, service (20 runs)    median %,5d ms, p90 %,5d ms, max %,5d ms%n", median(service), percentile90(service), max(service));
        System.out.printf("    of which respondents per department  median %,5d ms%n", median(respondents));
        System.out.printf("    of which answer counts (1M answers)  median %,5d ms%n", median(choices));
        System.out.printf("    of which free-text samples           median %,5d ms%n", median(texts));
        System.out.printf("  results page, server side     median %,5d ms, p90 %,5d ms, max %,5d ms%n", median(page), percentile90(page), max(page));
        System.out.printf("  results CSV, server side      median %,5d ms, p90 %,5d ms, max %,5d ms%n", median(csv), percentile90(csv), max(csv));
    }

    private static String page(MockMvcTester mvc, String path, CurrentUser user) {
        var result = mvc.get().uri(path).with(user(user)).exchange();
        assertThat(result).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static long[] time(Runnable action, int runs) {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            times[i] = millis(start, System.nanoTime());
        }
        return times;
    }

    private static long percentile90(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] times) {
        return Arrays.stream(times).max().orElse(0);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
