package org.peersupport.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianDetails;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.supporter.SupporterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The referral workflow on the real database, through the pages: intake by colleagues,
 * themselves and events; hostile and repeated input; duplicates joining the open case; matching
 * and assignment with its due time; crafted, stale and simultaneous assignments; hand-back,
 * closing, and the audit trail that never holds the content.
 */
@IntegrationTest
class ReferralWorkflowTests {

    static final String RECEIVED = "The program has received your referral";

    static final String INELIGIBLE = "This supporter cannot take the case now. Choose one of the suggestions.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referralService;

    @Autowired
    TriageService triage;

    @Autowired
    SupporterService supporters;

    @Autowired
    RosterService roster;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    ReferralRecords referrals;

    Place place;

    CurrentUser coordinator;

    CurrentUser referrer;

    ExecutorService threads;

    @BeforeEach
    void setUp() {
        referrals = new ReferralRecords(referralService, triage, roster, jdbc);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
        referrer = fixtures.physicianUser(place.departmentId());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    // --- Intake ---

    @Test
    void referring_a_colleague_opens_a_new_case_and_the_confirmation_says_only_received() {
        long colleague = fixtures.physician(place.departmentId());
        UUID key = UUID.randomUUID();
        MvcTestResult result = submit(referrer, form(colleague, key).trigger("LITIGATION")
                .context("Seemed withdrawn after the review meeting."));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/referrals/received");

        UUID id = referrals.openCaseOf(colleague);
        Map<String, Object> row = referrals.row(id);
        assertThat(row).containsEntry("status", "NEW").containsEntry("source", "COLLEAGUE")
                .containsEntry("trigger_kind", "LITIGATION").containsEntry("urgent", false)
                .containsEntry("context", "Seemed withdrawn after the review meeting.")
                .containsEntry("hospital_id", place.hospitalId()).containsEntry("department_id", place.departmentId());
        assertThat(row.get("supporter_id")).isNull();
        assertThat(row.get("due_at")).isNull();
        Map<String, Object> request = jdbc.queryForMap("select * from referral_request where submission_key = ?", key);
        assertThat(request).containsEntry("referral_id", id).containsEntry("referrer_account_id", referrer.accountId())
                .containsEntry("referrer_physician_id", referrer.physicianId().orElseThrow())
                .containsEntry("named", false);

        assertThat(received(result)).hasStatusOk().bodyText().contains(RECEIVED)
                .doesNotContain(referrals.name(colleague), "received-danger", "Suicide and Crisis Lifeline",
                        "withdrawn");
    }

    @Test
    void danger_makes_the_referral_urgent_and_the_confirmation_shows_988_and_911() {
        long colleague = fixtures.physician(place.departmentId());
        MvcTestResult result = submit(referrer, form(colleague, UUID.randomUUID()).danger(true));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/referrals/received");
        assertThat(referrals.row(referrals.openCaseOf(colleague))).containsEntry("urgent", true);
        assertThat(received(result)).hasStatusOk().bodyText().contains(RECEIVED, "received-danger",
                "Emergency services: 911", "href=\"tel:911\"", "call or text 988", "href=\"tel:988\"");
    }

    @Test
    void the_form_holds_the_crisis_resources_for_the_danger_question() {
        assertThat(mvc.get().uri("/referrals/new").with(user(referrer))).hasStatusOk().bodyText()
                .contains("id=\"danger-resources\"", "href=\"tel:911\"", "href=\"tel:988\"", "id=\"danger-yes\"",
                        "name=\"submissionKey\"");
    }

    @Test
    void a_physician_may_refer_themselves_and_is_never_named() {
        long self = referrer.physicianId().orElseThrow();
        UUID key = UUID.randomUUID();
        MvcTestResult result = submit(referrer, new Form().who("myself").trigger("PERSONAL_OTHER").danger(false)
                .named(true).key(key));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/referrals/received");
        UUID id = referrals.openCaseOf(self);
        assertThat(referrals.row(id)).containsEntry("source", "SELF").containsEntry("physician_id", self);
        assertThat(jdbc.queryForObject("select named from referral_request where submission_key = ?", Boolean.class,
                key)).isFalse();
        // Spoken to as the person who asked for support, not as someone who referred a colleague.
        assertThat(received(result)).hasStatusOk().bodyText().contains("Thank you for reaching out")
                .doesNotContain("your colleague");
        assertThat(mvc.get().uri("/referrals/mine").with(user(referrer))).hasStatusOk().bodyText()
                .contains("You (a self-referral)").doesNotContain(referrals.name(self) + "</td>");
    }

    @Test
    void referring_the_same_colleague_twice_is_one_line_in_my_referrals() throws Exception {
        long colleague = fixtures.physician(place.departmentId());
        referrals.refer(referrer, colleague);
        referrals.refer(referrer, colleague);
        UUID id = referrals.openCaseOf(colleague);
        assertThat(referrals.requestsOf(id)).isEqualTo(2);
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        referrals.assign(id, supporter.id(), coordinator);
        String page = mvc.get().uri("/referrals/mine").with(user(referrer)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Pattern.compile(Pattern.quote(referrals.name(colleague))).matcher(page).results().count())
                .isOne();
        // The one who opened the case sees its progress, however often they referred it.
        assertThat(page).contains("In progress").doesNotContain("Received");
    }

    @Test
    void an_account_without_a_roster_row_cannot_refer_itself_and_nothing_is_saved() {
        UUID key = UUID.randomUUID();
        assertThat(submit(coordinator, new Form().who("myself").trigger("BURNOUT").danger(false).key(key)))
                .hasStatusOk().bodyText().contains("Your account is not linked to the physician roster");
        assertThat(requestsWithKey(key)).isZero();
    }

    @Test
    void a_leader_referral_has_the_leader_source() {
        long colleague = fixtures.physician(place.departmentId());
        assertThat(submit(referrer, form(colleague, UUID.randomUUID()).asLeader(true)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(referrals.row(referrals.openCaseOf(colleague))).containsEntry("source", "LEADER");
    }

    @Test
    void an_unknown_or_inactive_colleague_is_a_field_message_and_nothing_is_saved() {
        long inactive = roster.add(new PhysicianDetails(Fixtures.unique("Dr"), Fixtures.uniqueEmail("inactive"), null,
                place.departmentId(), "Surgery", null, false), HospitalScope.everything());
        for (String colleagueId : new String[] {String.valueOf(inactive), String.valueOf(Long.MAX_VALUE), "-1"}) {
            UUID key = UUID.randomUUID();
            assertThat(submit(referrer, new Form().who("colleague").colleague(colleagueId).trigger("BURNOUT")
                    .danger(false).key(key))).as(colleagueId).hasStatusOk().bodyText()
                    .contains("This colleague is not on the active roster.", "colleagueId-error");
            assertThat(requestsWithKey(key)).isZero();
        }
        assertThat(referrals.casesOf(inactive)).isZero();

        UUID key = UUID.randomUUID();
        assertThat(submit(referrer, new Form().who("colleague").trigger("BURNOUT").danger(false).key(key)))
                .hasStatusOk().bodyText().contains("Choose the colleague from the list, or choose");
        assertThat(submit(referrer, new Form().who("colleague").colleague("12abc").trigger("BURNOUT").danger(false)
                .key(key))).hasStatusOk().bodyText().contains("This value is not valid.");
        assertThat(requestsWithKey(key)).isZero();
    }

    @Test
    void missing_answers_and_unknown_values_are_field_messages_and_nothing_is_saved() {
        long colleague = fixtures.physician(place.departmentId());
        UUID key = UUID.randomUUID();
        assertThat(submit(referrer, new Form().who("colleague").colleague(String.valueOf(colleague)).key(key)))
                .hasStatusOk().bodyText().contains("Choose a value.");
        assertThat(submit(referrer, form(colleague, key).trigger("NOT_A_TRIGGER").danger("maybe")))
                .hasStatusOk().bodyText().contains("This value is not valid.");
        assertThat(submit(referrer, form(colleague, key).key("not-a-uuid"))).hasStatusOk().bodyText()
                .contains("This value is not valid.");
        assertThat(requestsWithKey(key)).isZero();
        assertThat(referrals.casesOf(colleague)).isZero();
    }

    @Test
    void a_referral_sent_without_its_checkboxes_at_all_counts_them_unticked() {
        long colleague = fixtures.physician(place.departmentId());
        UUID key = UUID.randomUUID();
        Form form = form(colleague, key);
        form.params.remove("_named");
        form.params.remove("_asLeader");
        assertThat(submit(referrer, form)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/referrals/received");
        assertThat(jdbc.queryForMap("select * from referral_request where submission_key = ?", key))
                .containsEntry("named", false);
        assertThat(referrals.row(referrals.openCaseOf(colleague))).containsEntry("source", "COLLEAGUE");
    }

    @Test
    void context_over_500_characters_is_a_message_kept_on_the_form_and_nothing_is_saved() {
        long colleague = fixtures.physician(place.departmentId());
        UUID key = UUID.randomUUID();
        String tooLong = "a".repeat(499) + "bc";
        assertThat(submit(referrer, form(colleague, key).context(tooLong))).hasStatusOk().bodyText()
                .contains("Use at most 500 characters.", tooLong);
        assertThat(requestsWithKey(key)).isZero();
        assertThat(referrals.casesOf(colleague)).isZero();

        String exactly = "a".repeat(500);
        assertThat(submit(referrer, form(colleague, key).context(exactly))).hasStatus(HttpStatus.FOUND);
        assertThat(referrals.row(referrals.openCaseOf(colleague))).containsEntry("context", exactly);
    }

    @Test
    void script_and_sql_in_the_context_are_stored_as_typed_and_shown_escaped() {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        String hostile = "<script>alert('x')</script> Robert'); DROP TABLE referral;-- <img src=x onerror=alert(1)>";
        assertThat(submit(referrer, form(colleague, UUID.randomUUID()).context(hostile)))
                .hasStatus(HttpStatus.FOUND);
        UUID id = referrals.openCaseOf(colleague);
        assertThat(referrals.row(id)).containsEntry("context", hostile);

        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("&lt;script&gt;alert(", "DROP TABLE referral;--", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        referrals.assign(id, supporter.id(), coordinator);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains("&lt;script&gt;alert(").doesNotContain("<script>alert", "<img src=x");
    }

    @Test
    void a_double_submit_with_the_same_key_makes_one_referral_and_one_request() {
        long colleague = fixtures.physician(place.departmentId());
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertThat(submit(referrer, form(colleague, key).danger(true))).hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/referrals/received").flash().containsEntry("urgent", true);
        }
        assertThat(referrals.casesOf(colleague)).isEqualTo(1);
        assertThat(requestsWithKey(key)).isEqualTo(1);
        assertThat(referrals.requestsOf(referrals.openCaseOf(colleague))).isEqualTo(1);
    }

    @Test
    void a_double_submit_at_the_same_moment_still_makes_one_referral() throws Exception {
        long colleague = fixtures.physician(place.departmentId());
        NewReferral form = new NewReferral(colleague, false, false, Trigger.BURNOUT, false, null, false,
                UUID.randomUUID());
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submits.add(threads.submit(() -> {
                start.await();
                return referralService.refer(referrer, form);
            }));
        }
        for (Future<?> submit : submits) {
            try {
                submit.get(30, TimeUnit.SECONDS);
            }
            catch (java.util.concurrent.ExecutionException ex) {
                // The loser of the race meets the unique key and saves nothing; the page then tries
                // once more and finds the winner's submission (the next test).
                assertThat(ex.getCause()).isInstanceOf(DataIntegrityViolationException.class);
            }
        }
        assertThat(referrals.casesOf(colleague)).isEqualTo(1);
        assertThat(requestsWithKey(form.submissionKey())).isEqualTo(1);
    }

    @Test
    void a_double_click_racing_through_the_page_gets_the_confirmation_twice_and_makes_one_referral()
            throws Exception {
        for (int round = 0; round < 5; round++) {
            long colleague = fixtures.physician(place.departmentId());
            Form form = form(colleague, UUID.randomUUID());
            List<MvcTestResult> results = simultaneously(() -> submit(referrer, form), () -> submit(referrer, form));
            assertThat(results).allSatisfy(r -> assertThat(r).hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/referrals/received"));
            assertThat(referrals.casesOf(colleague)).as("round %d", round).isEqualTo(1);
            assertThat(referrals.requestsOf(referrals.openCaseOf(colleague))).isEqualTo(1);
        }
    }

    @Test
    void two_referrers_of_the_same_colleague_at_the_same_moment_both_get_the_confirmation_and_share_one_case()
            throws Exception {
        CurrentUser other = fixtures.physicianUser(place.departmentId());
        for (int round = 0; round < 5; round++) {
            long colleague = fixtures.physician(place.departmentId());
            List<MvcTestResult> results = simultaneously(
                    () -> submit(referrer, form(colleague, UUID.randomUUID())),
                    () -> submit(other, form(colleague, UUID.randomUUID()).danger(true)));
            assertThat(results).allSatisfy(r -> assertThat(r).hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/referrals/received"));
            assertThat(referrals.casesOf(colleague)).as("round %d", round).isEqualTo(1);
            UUID id = referrals.openCaseOf(colleague);
            assertThat(referrals.requestsOf(id)).isEqualTo(2);
            assertThat(referrals.row(id)).containsEntry("urgent", true);
        }
    }

    // --- Duplicates join the open case ---

    @Test
    void a_second_referral_for_a_physician_with_an_open_case_joins_it() {
        long colleague = fixtures.physician(place.departmentId());
        UUID id = referrals.refer(referrer, colleague);
        CurrentUser second = fixtures.physicianUser(place.departmentId());

        MvcTestResult result = submit(second, form(colleague, UUID.randomUUID()).danger(true));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/referrals/received");
        assertThat(received(result)).hasStatusOk().bodyText().contains(RECEIVED);

        assertThat(referrals.casesOf(colleague)).isEqualTo(1);
        assertThat(referrals.openCaseOf(colleague)).isEqualTo(id);
        assertThat(referrals.requestsOf(id)).isEqualTo(2);
        assertThat(referrals.row(id)).containsEntry("urgent", true).containsEntry("status", "NEW");
        assertThat(mvc.get().uri("/referrals/mine").with(user(second))).hasStatusOk().bodyText()
                .contains(referrals.name(colleague), "Received");
        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("2 referrals");
    }

    @Test
    void joining_an_urgent_case_does_not_tell_the_second_referrer_that_someone_feared_danger() {
        long colleague = fixtures.physician(place.departmentId());
        UUID id = referrals.refer(fixtures.physicianUser(place.departmentId()), colleague, true, null, false);
        UUID key = UUID.randomUUID();

        MvcTestResult result = submit(referrer, form(colleague, key).danger(false));
        assertThat(result).hasStatus(HttpStatus.FOUND).flash().containsEntry("urgent", false);
        assertThat(received(result)).hasStatusOk().bodyText().contains(RECEIVED).doesNotContain("received-danger",
                "Suicide and Crisis Lifeline");
        // The same form sent again answers the same.
        assertThat(submit(referrer, form(colleague, key).danger(false))).hasStatus(HttpStatus.FOUND).flash()
                .containsEntry("urgent", false);
        assertThat(referrals.requestsOf(id)).isEqualTo(2);
        assertThat(referrals.row(id)).containsEntry("urgent", true);
    }

    @Test
    void after_the_case_is_closed_a_new_referral_opens_a_new_case() {
        long colleague = fixtures.physician(place.departmentId());
        UUID first = referrals.refer(referrer, colleague);
        triage.close(first, Outcome.SUPPORTED, referrals.version(first), coordinator);
        UUID second = referrals.refer(referrer, colleague);
        assertThat(second).isNotEqualTo(first);
        assertThat(referrals.casesOf(colleague)).isEqualTo(2);
        assertThat(referrals.status(first)).isEqualTo("CLOSED");
        assertThat(referrals.status(second)).isEqualTo("NEW");
    }

    // --- Events ---

    @Test
    void an_event_gives_each_involved_physician_an_event_referral() {
        String[] emails = {Fixtures.uniqueEmail("event"), Fixtures.uniqueEmail("event"), Fixtures.uniqueEmail("event")};
        long[] involved = new long[emails.length];
        for (int i = 0; i < emails.length; i++) {
            involved[i] = fixtures.physician(place.departmentId(), emails[i]);
        }
        long alreadyOpen = fixtures.physician(place.departmentId());
        String alreadyOpenEmail = roster.physician(alreadyOpen).orElseThrow().email();
        UUID openCase = referrals.refer(referrer, alreadyOpen);
        LocalDate yesterday = LocalDate.now(clock.withZone(Fixtures.ZONE)).minusDays(1);

        assertThat(mvc.post().uri("/triage/event").param("trigger", "PATIENT_DEATH")
                .param("eventDate", yesterday.toString())
                .param("emails", emails[0] + "\n" + emails[1].toUpperCase() + ", " + emails[2] + "\n\n"
                        + alreadyOpenEmail + "; " + emails[0])
                .param("context", "Code on the ward").with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/triage");

        for (long physician : involved) {
            assertThat(referrals.casesOf(physician)).isEqualTo(1);
            UUID id = referrals.openCaseOf(physician);
            assertThat(referrals.row(id)).containsEntry("source", "EVENT").containsEntry("trigger_kind",
                    "PATIENT_DEATH").containsEntry("context", "Code on the ward").containsEntry("urgent", false);
            assertThat(jdbc.queryForObject("select event_date::text from referral where id = ?", String.class, id))
                    .isEqualTo(yesterday.toString());
            assertThat(jdbc.queryForObject("select referrer_account_id from referral_request where referral_id = ?",
                    Long.class, id)).isEqualTo(coordinator.accountId());
        }
        // One already in the program keeps their case; the event adds a request to it.
        assertThat(referrals.casesOf(alreadyOpen)).isEqualTo(1);
        assertThat(referrals.requestsOf(openCase)).isEqualTo(2);
        assertThat(referrals.row(openCase)).containsEntry("source", "COLLEAGUE");
    }

    @Test
    void an_event_with_an_unknown_or_foreign_email_or_a_bad_date_is_a_message_and_nothing_is_saved() {
        String known = Fixtures.uniqueEmail("event");
        long physician = fixtures.physician(place.departmentId(), known);
        Place other = fixtures.hospital();
        String foreign = Fixtures.uniqueEmail("foreign");
        fixtures.physician(other.departmentId(), foreign);
        String yesterday = LocalDate.now(clock.withZone(Fixtures.ZONE)).minusDays(1).toString();

        assertThat(event(known + "\nnobody." + UUID.randomUUID() + "@test.example.org", yesterday)).hasStatusOk()
                .bodyText().contains("There is no active physician with the e-mail &quot;nobody.");
        assertThat(event(known + "\n" + foreign, yesterday)).hasStatusOk().bodyText()
                .contains("There is no active physician with the e-mail &quot;" + foreign);
        assertThat(event("<b>bold</b>@x", yesterday)).hasStatusOk().bodyText()
                .contains("&lt;b&gt;bold&lt;/b&gt;@x").doesNotContain("<b>bold</b>");
        assertThat(event(known, LocalDate.now(clock.withZone(Fixtures.ZONE)).plusDays(2).toString())).hasStatusOk().bodyText()
                .contains("Choose a date within the past year, not in the future.");
        assertThat(event(known, LocalDate.now(clock.withZone(Fixtures.ZONE)).minusYears(2).toString())).hasStatusOk().bodyText()
                .contains("Choose a date within the past year, not in the future.");
        assertThat(referrals.casesOf(physician)).isZero();
    }

    // --- The queue ---

    @Test
    void the_queue_shows_how_long_each_case_waited_its_source_and_the_time_left_to_assign_it() throws Exception {
        var settings = organization.settings();
        long late = fixtures.physician(place.departmentId());
        long self = fixtures.physician(place.departmentId());
        long urgent = fixtures.physician(place.departmentId());
        UUID lateCase = referrals.refer(referrer, late);
        jdbc.update("update referral set created_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(settings.assignTarget(false)).minus(Duration.ofHours(3))),
                lateCase);
        UUID selfCase = referrals.refer(referrer, self);
        jdbc.update("update referral set source = 'SELF' where id = ?", selfCase);
        referrals.refer(referrer, urgent, true, null, false);

        String page = queue("");
        long waited = settings.assignTarget(false).toHours() + 3;
        assertThat(page).contains(waited + " h", "assignment overdue by 3 h", "under 1 h",
                "assign within " + settings.assignTarget(false).toHours() + " h",
                "assign within " + settings.assignTarget(true).toHours() + " h", "Self-referral", "Colleague");
        // Urgent first, then the longest waiting.
        assertThat(order(page, urgent, late, self)).isSorted();
        assertThat(order(queue("?sort=LONGEST_WAITING"), late, self, urgent)).isSorted();
        // The late one is overdue, the urgent one is due within its own shorter target.
        assertThat(order(queue("?sort=DUE_FIRST"), late, urgent, self)).isSorted();
    }

    @Test
    void the_queue_finds_a_colleague_by_name_within_the_coordinators_hospitals_only() throws Exception {
        long found = fixtures.physician(place.departmentId());
        long other = fixtures.physician(place.departmentId());
        referrals.refer(referrer, found);
        referrals.refer(referrer, other);
        Place elsewhere = fixtures.hospital();
        long namesake = fixtures.physician(elsewhere.departmentId());
        jdbc.update("update physician set name = ? where id = ?", referrals.name(found), namesake);
        referrals.refer(fixtures.physicianUser(elsewhere.departmentId()), namesake);

        String name = referrals.name(found);
        String[] words = name.split(" ");
        // Two of its words, in another order and case, as a coordinator would type them.
        String page = named(words[1].toUpperCase() + " " + words[0].toLowerCase());
        assertThat(page).contains(name, "value=\"" + words[1].toUpperCase() + " " + words[0].toLowerCase() + "\"")
                .doesNotContain(referrals.name(other), elsewhere.hospitalName());
        // A wildcard is a character like any other.
        assertThat(named("%")).contains("No cases match.");
        assertThat(named("nobody-is-called-this")).contains("No cases match.")
                .doesNotContain(referrals.name(other));
        assertThat(named("x".repeat(5000))).contains("No cases match.");
        assertThat(mvc.get().uri("/triage?sort=NOT_AN_ORDER").with(user(coordinator)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_queues_filters_in_use_stay_chosen() throws Exception {
        assertThat(queue("?status=ASSIGNED&trigger=BURNOUT")).contains(
                "<option value=\"ASSIGNED\" selected=\"selected\">Assigned</option>", "<option value=\"NEW\">New</option>",
                "<option value=\"BURNOUT\" selected=\"selected\">", "<option value=\"SELF\">");
    }

    private String named(String name) throws Exception {
        return mvc.get().uri("/triage").param("name", name).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
    }

    private String queue(String query) throws Exception {
        return mvc.get().uri("/triage" + query).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
    }

    /** Where each physician's name first appears on the page. */
    private List<Integer> order(String page, long... physicians) {
        List<Integer> at = new ArrayList<>();
        for (long id : physicians) {
            assertThat(page).contains(referrals.name(id));
            at.add(page.indexOf(referrals.name(id)));
        }
        return at;
    }

    // --- Matching and assignment ---

    @Test
    void assigning_the_top_suggestion_makes_the_case_assigned_with_its_due_time() throws Exception {
        CertifiedSupporter busy = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter free = fixtures.certifiedSupporter(place.departmentId());
        referrals.assigned(referrer, fixtures.physician(place.departmentId()), busy.id(), coordinator);
        long colleague = fixtures.physician(place.departmentId());
        UUID id = referrals.refer(referrer, colleague);

        String page = mvc.get().uri("/triage/{id}", id).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        assertThat(topSuggestion(page)).isEqualTo(free.id());
        assertThat(checkedSuggestions(page)).as("nothing chosen for the coordinator").isEmpty();
        assertThat(page).contains(referrals.name(free.physicianId()), referrals.name(busy.physicianId()),
                "0 of 3 open cases", "1 of 3 open cases");
        assertThat(page.indexOf(referrals.name(free.physicianId())))
                .isLessThan(page.indexOf(referrals.name(busy.physicianId())));

        MvcTestResult assigned = mvc.post().uri("/triage/{id}/assign", id)
                .param("supporterId", String.valueOf(free.id())).param("version", String.valueOf(referrals.version(id)))
                .with(csrf()).with(user(coordinator)).exchange();
        assertThat(assigned).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/triage/" + id);
        // The confirmation names the supporter (the browser journey reads it on the page).
        assertThat((Map<String, Object>) assigned.getMvcResult().getFlashMap()).containsEntry("flash", "triage.assigned")
                .containsEntry("flashArgument", referrals.name(free.physicianId()));

        Map<String, Object> row = referrals.row(id);
        assertThat(row).containsEntry("status", "ASSIGNED").containsEntry("supporter_id", free.id());
        Timestamp assignedAt = (Timestamp) row.get("assigned_at");
        Timestamp dueAt = (Timestamp) row.get("due_at");
        assertThat(Duration.between(assignedAt.toInstant(), dueAt.toInstant()))
                .isEqualTo(Duration.ofHours(organization.settings().firstContactTargetHours()));
        assertThat(Duration.between(assignedAt.toInstant(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));

        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("Assigned", "due in " + organization.settings().firstContactTargetHours() + " h");
        assertThat(mvc.get().uri("/cases").with(user(free.user()))).hasStatusOk().bodyText()
                .contains(referrals.name(colleague), "/cases/" + id);
    }

    @Test
    void suggestions_tell_namesakes_apart_and_a_reassignment_starts_from_the_current_supporter() throws Exception {
        long otherDepartment = organization.createDepartment(place.hospitalId(), Fixtures.unique("Surgery"),
                HospitalScope.everything());
        String surgery = jdbc.queryForObject("select name from department where id = ?", String.class, otherDepartment);
        String own = jdbc.queryForObject("select name from department where id = ?", String.class,
                place.departmentId());
        CertifiedSupporter here = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter there = fixtures.certifiedSupporter(otherDepartment);
        // Namesakes: the same name, told apart by their departments.
        String name = referrals.name(here.physicianId());
        jdbc.update("update physician set name = ? where id = ?", name, there.physicianId());
        UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()));

        String page = mvc.get().uri("/triage/{id}", id).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        assertThat(checkedSuggestions(page)).isEmpty();
        assertThat(page).contains("serves " + own + ", the colleague&#39;s department", "serves " + surgery,
                name + "</strong>", "· " + own, "· " + surgery).doesNotContain("another department");

        referrals.assign(id, here.id(), coordinator);
        page = mvc.get().uri("/triage/{id}", id).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        assertThat(topSuggestion(page)).isEqualTo(here.id());
        assertThat(checkedSuggestions(page)).containsExactly(here.id());
        assertThat(page).contains("Has the case now", "Reassign");
    }

    @Test
    void a_long_list_of_suggestions_shows_the_first_ones_and_the_rest_on_request() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < TriageService.SUGGESTIONS_SHOWN + 2; i++) {
            all.add(fixtures.certifiedSupporter(place.departmentId()).id());
        }
        UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()));
        String first = mvc.get().uri("/triage/{id}", id).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("name=\"supporterId\"").matcher(first).results().count())
                .isEqualTo(TriageService.SUGGESTIONS_SHOWN);
        assertThat(first).contains("Show all " + all.size() + " suggestions", "allSuggestions=true");
        String every = mvc.get().uri("/triage/{id}?allSuggestions=true", id).with(user(coordinator)).exchange()
                .getResponse().getContentAsString();
        assertThat(Pattern.compile("name=\"supporterId\"").matcher(every).results().count()).isEqualTo(all.size());
        assertThat(every).doesNotContain("Show all");
        // A refused assignment keeps every suggestion, so the one chosen far down the list stays there.
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("version", String.valueOf(referrals.version(id)))
                .with(csrf()).with(user(coordinator))).hasStatusOk().bodyText().doesNotContain("Show all");
    }

    @Test
    void an_urgent_case_is_due_after_the_urgent_target() {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()), true, null, false);
        referrals.assign(id, supporter.id(), coordinator);
        Map<String, Object> row = referrals.row(id);
        assertThat(Duration.between(((Timestamp) row.get("assigned_at")).toInstant(),
                ((Timestamp) row.get("due_at")).toInstant()))
                .isEqualTo(Duration.ofHours(organization.settings().urgentTargetHours()));
    }

    @Test
    void a_crafted_assignment_of_an_ineligible_supporter_is_refused_with_a_message_and_changes_nothing() {
        CertifiedSupporter full = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter paused = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter referringSupporter = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter eligible = fixtures.certifiedSupporter(place.departmentId());
        Place other = fixtures.hospital();
        CertifiedSupporter elsewhere = fixtures.certifiedSupporter(other.departmentId());
        CurrentUser notYetCertified = fixtures.physicianUser(place.departmentId());
        long nominee = supporters.nominate(notYetCertified.physicianId().orElseThrow(), HospitalScope.everything())
                .supporterId();

        // Full: capacity one, with one open case.
        var summary = supporters.supporter(full.id(), HospitalScope.everything());
        supporters.changeService(full.id(), 1, summary.departmentIds(), summary.version(), HospitalScope.everything());
        referrals.assigned(referrer, fixtures.physician(place.departmentId()), full.id(), coordinator);
        supporters.changeStatus(paused.id(), SupporterService.StatusChange.PAUSE, null,
                supporters.supporter(paused.id(), HospitalScope.everything()).version(), HospitalScope.everything());

        UUID id = referrals.refer(referringSupporter.user(), fixtures.physician(place.departmentId()));
        long version = referrals.version(id);
        assertThat(triage.suggestions(id, coordinator.hospitalScope(), Integer.MAX_VALUE).ranked())
                .extracting(s -> s.suggestion().supporterId()).containsExactly(eligible.id());

        for (long supporterId : new long[] {full.id(), paused.id(), referringSupporter.id(), elsewhere.id(), nominee,
                Long.MAX_VALUE, -1}) {
            assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(supporterId))
                    .param("version", String.valueOf(version)).with(csrf()).with(user(coordinator)))
                    .as("supporter %d", supporterId).hasStatusOk().bodyText().contains(INELIGIBLE);
        }
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("version", String.valueOf(version)).with(csrf())
                .with(user(coordinator))).hasStatusOk().bodyText().contains("Choose a value.");
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", "1 or 1=1")
                .param("version", String.valueOf(version)).with(csrf()).with(user(coordinator))).hasStatusOk()
                .bodyText().contains("This value is not valid.");

        assertThat(referrals.status(id)).isEqualTo("NEW");
        assertThat(referrals.supporterOf(id)).isNull();
        assertThat(referrals.version(id)).isEqualTo(version);
        assertThat(auditActions(id)).doesNotContain("ASSIGN");
    }

    @Test
    void a_stale_version_is_the_409_page_and_changes_nothing() {
        CertifiedSupporter first = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter second = fixtures.certifiedSupporter(place.departmentId());
        UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()));
        long read = referrals.version(id);
        referrals.assign(id, first.id(), coordinator);

        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(second.id()))
                .param("version", String.valueOf(read)).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Changed by someone else");
        assertThat(mvc.post().uri("/triage/{id}/close", id).param("outcome", "WITHDRAWN")
                .param("version", String.valueOf(read)).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Changed by someone else");

        assertThat(referrals.supporterOf(id)).isEqualTo(first.id());
        assertThat(referrals.status(id)).isEqualTo("ASSIGNED");
        assertThat(referrals.version(id)).isEqualTo(read + 1);
    }

    @Test
    void two_coordinators_assigning_the_same_case_at_the_same_moment_one_wins_and_the_other_is_told() throws Exception {
        CurrentUser otherCoordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter first = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter second = fixtures.certifiedSupporter(place.departmentId());
        for (int round = 0; round < 3; round++) {
            UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()));
            long version = referrals.version(id);
            CyclicBarrier start = new CyclicBarrier(2);
            Future<?> one = threads.submit(() -> {
                start.await();
                triage.assign(id, first.id(), version, coordinator);
                return null;
            });
            Future<?> two = threads.submit(() -> {
                start.await();
                triage.assign(id, second.id(), version, otherCoordinator);
                return null;
            });
            List<Throwable> failures = new ArrayList<>();
            List<Long> winners = new ArrayList<>();
            for (var attempt : List.of(Map.entry(one, first.id()), Map.entry(two, second.id()))) {
                try {
                    attempt.getKey().get(30, TimeUnit.SECONDS);
                    winners.add(attempt.getValue());
                }
                catch (java.util.concurrent.ExecutionException ex) {
                    failures.add(ex.getCause());
                }
            }
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(failures).singleElement().isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(referrals.supporterOf(id)).isEqualTo(winners.get(0));
            assertThat(referrals.status(id)).isEqualTo("ASSIGNED");
            assertThat(referrals.version(id)).isEqualTo(version + 1);
            assertThat(auditActions(id)).containsExactly("ASSIGN");
        }
    }

    @Test
    void a_supporter_who_hands_a_case_back_returns_it_to_the_queue_and_is_not_suggested_again() {
        CertifiedSupporter declining = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter other = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        UUID id = referrals.refer(referrer, colleague);
        referrals.assign(id, declining.id(), coordinator);

        assertThat(mvc.post().uri("/cases/{id}/decline", id).with(csrf()).with(user(declining.user())))
                .hasStatusOk().bodyText().contains("Choose why you hand the case back.");
        assertThat(referrals.status(id)).isEqualTo("ASSIGNED");

        assertThat(mvc.post().uri("/cases/{id}/decline", id).param("reason", "NO_CAPACITY").with(csrf())
                .with(user(declining.user()))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/cases");
        Map<String, Object> row = referrals.row(id);
        assertThat(row).containsEntry("status", "NEW");
        assertThat(row.get("supporter_id")).isNull();
        assertThat(row.get("due_at")).isNull();
        assertThat(jdbc.queryForObject("select reason from referral_decline where referral_id = ? and supporter_id = ?",
                String.class, id, declining.id())).isEqualTo("NO_CAPACITY");
        assertThat(mvc.get().uri("/cases").with(user(declining.user()))).hasStatusOk().bodyText()
                .doesNotContain(referrals.name(colleague));

        TriageService.Suggestions suggestions = triage.suggestions(id, coordinator.hospitalScope(), Integer.MAX_VALUE);
        assertThat(suggestions.ranked()).extracting(s -> s.suggestion().supporterId()).containsExactly(other.id());
        assertThat(suggestions.excluded()).containsEntry(org.peersupport.referral.domain.Matching.Exclusion
                .DECLINED_THIS_CASE, 1L);
        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("1 handed this case back").doesNotContain("supporter-" + declining.id() + "\"");
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(declining.id()))
                .param("version", String.valueOf(referrals.version(id))).with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains(INELIGIBLE);
        assertThat(referrals.status(id)).isEqualTo("NEW");

        // The queue shows it as new again, for another supporter.
        referrals.assign(id, other.id(), coordinator);
        assertThat(referrals.supporterOf(id)).isEqualTo(other.id());
    }

    @Test
    void closing_needs_an_outcome_and_a_closed_case_stays_closed() {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        UUID id = referrals.refer(referrer, fixtures.physician(place.departmentId()));
        referrals.assign(id, supporter.id(), coordinator);
        long version = referrals.version(id);

        assertThat(mvc.post().uri("/triage/{id}/close", id).param("version", String.valueOf(version)).with(csrf())
                .with(user(coordinator))).hasStatusOk().bodyText().contains("Choose a value.");
        assertThat(referrals.status(id)).isEqualTo("ASSIGNED");

        assertThat(mvc.post().uri("/triage/{id}/close", id).param("outcome", "SUPPORTED")
                .param("version", String.valueOf(version)).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/triage/" + id);
        Map<String, Object> row = referrals.row(id);
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("outcome", "SUPPORTED");
        assertThat(row.get("closed_at")).isNotNull();

        // Closing again (a crafted request: the page offers no close form for a closed case) is
        // refused by the case itself; the page shows it closed with its first outcome.
        long closedVersion = referrals.version(id);
        assertThat(mvc.post().uri("/triage/{id}/close", id).param("outcome", "WITHDRAWN")
                .param("version", String.valueOf(closedVersion)).with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains("Closed", "Supported").doesNotContain("Withdrawn");
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(supporter.id()))
                .param("version", String.valueOf(closedVersion)).with(csrf()).with(user(coordinator)))
                .hasStatusOk();
        assertThat(referrals.row(id)).containsEntry("outcome", "SUPPORTED").containsEntry("status", "CLOSED")
                .containsEntry("version", closedVersion);
        assertThat(auditActions(id)).containsExactly("ASSIGN", "CLOSE");
        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("Closed", "Supported").doesNotContain("/assign\"");
    }

    // --- The audit trail ---

    @Test
    void every_view_and_change_is_audited_with_who_and_which_record_and_never_the_content() {
        CertifiedSupporter declining = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        String context = "Secret context " + UUID.randomUUID();
        assertThat(submit(referrer, form(colleague, UUID.randomUUID()).trigger("PATIENT_DEATH").context(context)))
                .hasStatus(HttpStatus.FOUND);
        UUID id = referrals.openCaseOf(colleague);

        assertThat(mvc.get().uri("/triage/{id}", id).with(user(coordinator))).hasStatusOk();
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(declining.id()))
                .param("version", String.valueOf(referrals.version(id))).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(declining.user()))).hasStatusOk();
        assertThat(mvc.post().uri("/cases/{id}/decline", id).param("reason", "CONFLICT").with(csrf())
                .with(user(declining.user()))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(supporter.id()))
                .param("version", String.valueOf(referrals.version(id))).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post().uri("/triage/{id}/close", id).param("outcome", "SUPPORTED")
                .param("version", String.valueOf(referrals.version(id))).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);

        List<Map<String, Object>> entries = jdbc.queryForList("select account_id, action, record_type from audit_entry "
                + "where record_id = ? and record_type = 'referral' order by id", id.toString());
        assertThat(entries).extracting(e -> e.get("action") + " by " + e.get("account_id")).containsExactly(
                "VIEW by " + coordinator.accountId(),
                "ASSIGN by " + coordinator.accountId(),
                "VIEW by " + declining.user().accountId(),
                "DECLINE by " + declining.user().accountId(),
                "ASSIGN by " + coordinator.accountId(),
                "CLOSE by " + coordinator.accountId());
        assertThat(entries).allSatisfy(e -> assertThat(e.get("record_type")).isEqualTo("referral"));
        // The trail of every change records the same actions by their address, too.
        assertThat(jdbc.queryForList("select record_type from audit_entry where record_id = ? and action = 'POST' "
                + "order by id", String.class, id.toString()))
                .containsExactly("/triage/{id}/assign", "/cases/{id}/decline", "/triage/{id}/assign", "/triage/{id}/close");

        // The log has no place for content, and none of the case's content is in any of its rows.
        assertThat(jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_name = 'audit_entry'", String.class))
                .containsExactlyInAnyOrder("id", "at", "account_id", "action", "record_type", "record_id", "record_ids");
        List<String> rows = jdbc.queryForList("select row_to_json(a)::text from audit_entry a where record_id = ?",
                String.class, id.toString());
        // Six entries of the referral module, four of the trail of changes.
        assertThat(rows).hasSize(10).allSatisfy(json -> assertThat(json).doesNotContain(context, "Secret",
                referrals.name(colleague), referrals.name(referrer), "PATIENT_DEATH", "SUPPORTED", "CONFLICT"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry a where row_to_json(a)::text like ?",
                Integer.class, "%" + context + "%")).isZero();
    }

    // --- Helpers ---

    /** Runs both at the same moment, on two threads, and returns their results in order. */
    @SafeVarargs
    final <T> List<T> simultaneously(java.util.concurrent.Callable<T>... tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        List<Future<T>> futures = new ArrayList<>();
        for (java.util.concurrent.Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    MvcTestResult submit(CurrentUser user, Form form) {
        return mvc.post().uri("/referrals/new").params(form.params).with(csrf()).with(user(user)).exchange();
    }

    /** The confirmation page, as the browser gets it after the redirect, with the flash attributes. */
    MvcTestResult received(MvcTestResult submitted) {
        // The flash attributes wait in the session, which is stored in the database.
        return mvc.get().uri("/referrals/received").cookie(submitted.getResponse().getCookie("SESSION"))
                .with(user(referrer)).exchange();
    }

    MvcTestResult event(String emails, String date) {
        return mvc.post().uri("/triage/event").param("trigger", "ADVERSE_EVENT").param("eventDate", date)
                .param("emails", emails).with(csrf()).with(user(coordinator)).exchange();
    }

    int requestsWithKey(UUID key) {
        return jdbc.queryForObject("select count(*) from referral_request where submission_key = ?", Integer.class, key);
    }

    List<String> auditActions(UUID id) {
        return jdbc.queryForList("select action from audit_entry where record_id = ? and record_type = 'referral' "
                + "and action <> 'VIEW' order by id", String.class, id.toString());
    }

    /** The first suggestion on the page. */
    static long topSuggestion(String page) {
        Matcher first = Pattern.compile("<input[^>]*name=\"supporterId\"[^>]*value=\"(\\d+)\"").matcher(page);
        assertThat(first.find()).as("a suggestion").isTrue();
        return Long.parseLong(first.group(1));
    }

    /** The suggestions chosen when the page opens. */
    static List<Long> checkedSuggestions(String page) {
        Matcher checked = Pattern.compile("<input[^>]*name=\"supporterId\"[^>]*value=\"(\\d+)\"[^>]*checked")
                .matcher(page);
        List<Long> ids = new ArrayList<>();
        while (checked.find()) {
            ids.add(Long.parseLong(checked.group(1)));
        }
        return ids;
    }

    static Form form(long colleagueId, UUID key) {
        return new Form().who("colleague").colleague(String.valueOf(colleagueId)).trigger("BURNOUT").danger(false)
                .key(key);
    }

    /**
     * The referral form's fields, as the page posts them: with the checkboxes' hidden markers,
     * which tell an unticked box (false) from a field that was not sent.
     */
    static final class Form {

        final MultiValueMap<String, String> params = new LinkedMultiValueMap<>();

        Form() {
            params.set("_named", "on");
            params.set("_asLeader", "on");
        }

        Form set(String name, String value) {
            params.set(name, value);
            return this;
        }

        Form who(String who) {
            return set("who", who);
        }

        Form colleague(String id) {
            return set("colleagueId", id);
        }

        Form trigger(String trigger) {
            return set("trigger", trigger);
        }

        Form danger(boolean danger) {
            return set("danger", String.valueOf(danger));
        }

        Form danger(String danger) {
            return set("danger", danger);
        }

        Form context(String context) {
            return set("context", context);
        }

        Form named(boolean named) {
            return set("named", String.valueOf(named));
        }

        Form asLeader(boolean asLeader) {
            return set("asLeader", String.valueOf(asLeader));
        }

        Form key(UUID key) {
            return set("submissionKey", key.toString());
        }

        Form key(String key) {
            return set("submissionKey", key);
        }
    }
}
