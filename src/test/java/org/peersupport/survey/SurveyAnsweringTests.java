package org.peersupport.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.SurveyDriver.Opened;
import org.peersupport.survey.domain.InvitationStore;
import org.peersupport.survey.domain.Token;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answering through a one-time link: no sign-in, one submission per link even under a race, kind
 * pages that reveal nothing, and bad input refused with clear messages and nothing lost.
 */
@IntegrationTest
class SurveyAnsweringTests {

    @Autowired
    MockMvcTester mvc;

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
    InvitationStore invitations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    SurveyDriver surveys;

    Place place;

    @BeforeEach
    void setUp() {
        surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        place = fixtures.hospital();
    }

    @Test
    void the_link_opens_the_survey_without_signing_in() {
        Opened campaign = surveys.opened(place, 1);
        String token = SurveyDriver.token(campaign.emails().get(0));
        var page = mvc.get().uri("/s/{token}", token).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("This survey is anonymous")
                .contains(surveys.template().questions().get(0).text()).contains("Send my answers")
                // No token in the page: the form posts to its own address.
                .doesNotContain(token).doesNotContain("_csrf");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getRequest().getSession(false)).as("no session for respondents").isNull();
    }

    @Test
    void answers_are_saved_once_and_the_link_then_shows_the_kind_page() {
        Opened campaign = surveys.opened(place, 1);
        String token = SurveyDriver.token(campaign.emails().get(0));
        assertThat(submit(token, surveys.answers(true, "It helped me a lot."))).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/s/thanks");
        assertThat(mvc.get().uri("/s/thanks")).hasStatusOk().bodyText().contains("Your answers are saved");
        assertThat(responses(campaign.id())).isEqualTo(1);

        // The replay, and a second visit, both get the one page that says nothing about the link.
        String replay = body(submit(token, surveys.answers(false, null)), HttpStatus.NOT_FOUND);
        String revisit = body(mvc.get().uri("/s/{token}", token), HttpStatus.NOT_FOUND);
        assertThat(responses(campaign.id())).isEqualTo(1);
        assertThat(replay).contains("This survey link cannot be used now").isEqualTo(revisit);

        // The answer waits to be published with others; closing the campaign publishes it.
        assertThat(jdbc.queryForObject("select count(*) from survey_response where campaign_id = ?", Integer.class,
                campaign.id())).isZero();
        campaigns.close(campaign.id(), HospitalScope.everything());
        assertThat(jdbc.queryForObject("select count(*) from survey_answer a join survey_response r on r.id = a.response_id "
                + "where r.campaign_id = ?", Integer.class, campaign.id())).isEqualTo(7);
        assertThat(jdbc.queryForObject("select text from survey_answer where campaign_id = ? and text is not null",
                String.class, campaign.id())).isEqualTo("It helped me a lot.");
        assertThat(jdbc.queryForObject("select submitted_on from survey_response where campaign_id = ?",
                java.sql.Date.class, campaign.id()).toLocalDate()).isEqualTo(fixtures.today());
        assertThat(responses(campaign.id())).isEqualTo(1);
    }

    @Test
    void used_unknown_malformed_and_closed_links_all_get_the_same_page() {
        Opened campaign = surveys.opened(place, 2);
        String used = SurveyDriver.token(campaign.emails().get(0));
        assertThat(submit(used, surveys.answers(false, null))).hasStatus(HttpStatus.FOUND);
        String closed = SurveyDriver.token(campaign.emails().get(1));
        campaigns.close(campaign.id(), HospitalScope.everything());

        String unknown = Token.generate().value();
        String reference = body(mvc.get().uri("/s/{token}", unknown), HttpStatus.NOT_FOUND);
        assertThat(reference).contains("This survey link cannot be used now");
        for (String token : List.of(used, closed, "not-a-token", "x".repeat(500), "abc'--")) {
            assertThat(body(mvc.get().uri("/s/" + token), HttpStatus.NOT_FOUND)).as(token).isEqualTo(reference);
            assertThat(body(submit(token, surveys.answers(false, null)), HttpStatus.NOT_FOUND)).as(token)
                    .isEqualTo(reference);
        }
        assertThat(responses(campaign.id())).isEqualTo(1);
    }

    @Test
    void a_link_of_a_draft_campaign_cannot_be_used_before_it_opens() {
        // Invitations exist only once a campaign opens, so a scheduled campaign has no usable link;
        // a forged one finds nothing either.
        UUID draft = surveys.draft(place, List.of(place.departmentId()));
        assertThat(mvc.get().uri("/s/{token}", Token.generate().value())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                draft)).isZero();
    }

    @Test
    void bad_answers_are_refused_with_clear_messages_and_everything_typed_is_kept() {
        Opened campaign = surveys.opened(place, 1);
        String token = SurveyDriver.token(campaign.emails().get(0));
        List<QuestionView> questions = surveys.template().questions();
        Map<String, String> answers = surveys.answers(true, "My words stay here.");
        answers.put(questions.get(2).field(), "7");
        answers.put("q" + Long.MAX_VALUE, "5");

        String page = body(submit(token, answers), HttpStatus.OK);
        assertThat(page).contains("Your answers have not been sent yet")
                .contains("The form sent an answer to a question that is not in this survey")
                .contains("Question 3: Choose one of the answers shown.")
                .contains("My words stay here.")
                // The other answers are still chosen.
                .containsPattern("id=\"" + questions.get(5).field() + "-4\" value=\"4\"\\s+autocomplete=\"off\" checked=\"checked\"");
        assertThat(responses(campaign.id())).isZero();

        // The link still works: nothing was used up by the refused form.
        assertThat(submit(token, surveys.answers(true, "My words stay here."))).hasStatus(HttpStatus.FOUND);
        assertThat(responses(campaign.id())).isEqualTo(1);
    }

    @Test
    void a_megabyte_of_free_text_is_refused_with_its_length_and_nothing_is_saved() {
        Opened campaign = surveys.opened(place, 1);
        String token = SurveyDriver.token(campaign.emails().get(0));
        Map<String, String> answers = surveys.answers(false, "b".repeat(1_048_576));
        String page = body(submit(token, answers), HttpStatus.OK);
        assertThat(page).contains("Use at most 2,000 characters. Your answer has 1,048,576");
        assertThat(page).contains("b".repeat(10_000));
        assertThat(responses(campaign.id())).isZero();
    }

    @Test
    void a_required_answer_left_out_and_an_answer_after_no_are_explained() {
        Opened campaign = surveys.opened(place, 1);
        String token = SurveyDriver.token(campaign.emails().get(0));
        List<QuestionView> questions = surveys.template().questions();
        Map<String, String> answers = surveys.answers(false, null);
        answers.remove(questions.get(1).field());
        answers.put(questions.get(2).field(), "5");
        String page = body(submit(token, answers), HttpStatus.OK);
        assertThat(page).contains("Question 2: Answer this question.")
                .contains("Question 3: This question is only for those who answered Yes to question 1.");
        assertThat(responses(campaign.id())).isZero();
    }

    @Test
    void two_simultaneous_submissions_with_the_same_link_count_once() throws Exception {
        Opened campaign = surveys.opened(place, 6);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String email : campaign.emails()) {
                String token = SurveyDriver.token(email);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Submission> submit = () -> {
                    start.await();
                    return answering.submit(token, SurveyDriver.parameters(surveys.answers(true, "once")));
                };
                Future<Submission> first = pool.submit(submit);
                Future<Submission> second = pool.submit(submit);
                start.countDown();
                List<Submission> outcomes = List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
                assertThat(outcomes).filteredOn(Submission.Saved.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(Submission.Unavailable.class::isInstance).hasSize(1);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(responses(campaign.id())).isEqualTo(6);
    }

    @Test
    void a_second_claim_waits_for_the_first_and_then_finds_the_link_used() throws Exception {
        Opened campaign = surveys.opened(place, 1);
        byte[] hash = Token.hashOf(SurveyDriver.token(campaign.emails().get(0))).orElseThrow();
        TransactionStatus first = transactionManager.getTransaction(new DefaultTransactionDefinition());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(invitations.claim(hash)).isPresent();
            // The first transaction holds the row: the second blocks in its conditional update.
            Future<Boolean> second = pool.submit(() -> {
                var definition = new DefaultTransactionDefinition();
                TransactionStatus status = transactionManager.getTransaction(definition);
                boolean claimed = invitations.claim(hash).isPresent();
                transactionManager.commit(status);
                return claimed;
            });
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second claim waits for the first transaction").isFalse();
            transactionManager.commit(first);
            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        }
        finally {
            if (!first.isCompleted()) {
                transactionManager.rollback(first);
            }
            pool.shutdownNow();
        }
    }

    @Test
    void many_racing_requests_over_real_http_save_one_response_per_link() throws Exception {
        Opened campaign = surveys.opened(place, 3);
        List<String> tokens = campaign.emails().stream().map(SurveyDriver::token).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (String token : tokens) {
                for (int i = 0; i < 2; i++) {
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return mvc.post().uri("/s/{token}", token).params(form(surveys.answers(true, "race")))
                                .exchange().getResponse().getStatus();
                    }));
                }
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(20, TimeUnit.SECONDS));
            }
            assertThat(codes).filteredOn(c -> c == 302).hasSize(3);
            assertThat(codes).filteredOn(c -> c == 404).hasSize(3);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(responses(campaign.id())).isEqualTo(3);
    }

    private MockMvcRequestBuilder submit(String token, Map<String, String> answers) {
        return mvc.post().uri("/s/" + token).params(form(answers));
    }

    private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> answers) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        answers.forEach(form::add);
        return form;
    }

    private String body(MockMvcRequestBuilder request, HttpStatus status) {
        var result = request.exchange();
        assertThat(result).hasStatus(status);
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Responses published or still held for publishing. */
    private int responses(UUID campaignId) {
        Integer count = jdbc.queryForObject("""
                select (select count(*) from survey_response where campaign_id = ?)
                     + (select count(*) from survey_response_pending where campaign_id = ?)
                """, Integer.class, campaignId, campaignId);
        return count == null ? 0 : count;
    }
}
