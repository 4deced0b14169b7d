package org.peersupport.supporter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.AccountService;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianDetails;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.supporter.Eligibility.Excluded;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A coordinator runs the training side of a program through the pages: nominates supporters,
 * schedules sessions, records attendance, and reads coverage and the export. Bad input gives a
 * clear message on the form, and nothing already saved changes.
 */
@IntegrationTest
class SupporterWorkflowTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SupporterService supporters;

    @Autowired
    TrainingService training;

    @Autowired
    SupporterDirectory directory;

    @Autowired
    AccountService accounts;

    @Autowired
    RosterService roster;

    @Autowired
    OrganizationService organization;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    TrainingRecords records;

    Place place;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        records = new TrainingRecords(supporters, training, clock);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
    }

    // Namesakes

    @Test
    void namesakes_are_told_apart_on_the_attendance_list_the_supporters_list_and_among_conflicts() throws Exception {
        long surgery = organization.createDepartment(place.hospitalId(), Fixtures.unique("Surgery"),
                HospitalScope.everything());
        String surgeryName = jdbc.queryForObject("select name from department where id = ?", String.class, surgery);
        String ownName = jdbc.queryForObject("select name from department where id = ?", String.class,
                place.departmentId());
        long here = supporters.nominate(fixtures.physician(place.departmentId()), HospitalScope.everything())
                .supporterId();
        long there = supporters.nominate(fixtures.physician(surgery), HospitalScope.everything()).supporterId();
        String shared = Fixtures.unique("Alex Namesake");
        jdbc.update("update physician set name = ? where id in (select physician_id from supporter where id in (?, ?))",
                shared, here, there);
        long session = training.schedule(place.hospitalId(), fixtures.today().minusDays(1), Fixtures.unique("Facilitator"),
                false, java.util.Set.of(training.curriculum().get(0).id()), HospitalScope.everything());
        String page = mvc.get().uri("/training/sessions/{id}", session).with(user(coordinator)).exchange()
                .getResponse().getContentAsString();
        // By their own department on the roster, not by the departments they happen to serve.
        assertThat(page).containsPattern(java.util.regex.Pattern.quote(shared) + "</span>\\s*<span[^>]*>"
                + java.util.regex.Pattern.quote(ownName) + "<").containsPattern(java.util.regex.Pattern.quote(shared)
                + "</span>\\s*<span[^>]*>" + java.util.regex.Pattern.quote(surgeryName) + "<");

        // The supporters list names each one's department and hospital under the name.
        String hospitalName = jdbc.queryForObject("select name from hospital where id = ?", String.class,
                place.hospitalId());
        String list = mvc.get().uri("/supporters").with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        String hereEmail = supporters.supporter(here, HospitalScope.everything()).email();
        String thereEmail = supporters.supporter(there, HospitalScope.everything()).email();
        // Namesakes on one page also show their e-mail, as the check-in picker does.
        assertThat(list).contains(">" + ownName + " · " + hospitalName + " · " + hereEmail + "<",
                ">" + surgeryName + " · " + hospitalName + " · " + thereEmail + "<");

        // A conflict is named with the colleague's department.
        long colleague = fixtures.physician(surgery);
        supporters.declareConflict(here, jdbc.queryForObject("select email from physician where id = ?",
                String.class, colleague), HospitalScope.everything());
        assertThat(mvc.get().uri("/supporters/{id}", here).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("· " + surgeryName);
    }

    // Status

    @Test
    void only_the_status_changes_that_apply_are_offered() throws Exception {
        var active = fixtures.certifiedSupporter(place.departmentId());
        assertThat(offered(active.id())).containsExactly("PAUSE", "RETIRE");
        supporters.changeStatus(active.id(), SupporterService.StatusChange.PAUSE, null,
                supporters.supporter(active.id(), HospitalScope.everything()).version(), HospitalScope.everything());
        assertThat(offered(active.id())).containsExactly("ACTIVATE", "PAUSE", "RESUME", "RETIRE");
        supporters.changeStatus(active.id(), SupporterService.StatusChange.RETIRE, null,
                supporters.supporter(active.id(), HospitalScope.everything()).version(), HospitalScope.everything());
        assertThat(offered(active.id())).containsExactly("REINSTATE");
        long nominated = supporters.nominate(fixtures.physician(place.departmentId()), HospitalScope.everything())
                .supporterId();
        assertThat(offered(nominated)).containsExactly("ACTIVATE", "RETIRE");
    }

    private List<String> offered(long supporterId) throws Exception {
        String page = mvc.get().uri("/supporters/{id}", supporterId).with(user(coordinator)).exchange().getResponse()
                .getContentAsString();
        return java.util.regex.Pattern.compile("type=\"radio\" value=\"(\\w+)\" id=\"change").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    // Nomination

    @Test
    void nominating_a_physician_with_an_account_gives_that_account_the_supporter_role() {
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        long physicianId = physician.physicianId().orElseThrow();

        MvcTestResult result = post("/supporters/nominate").param("physicianId", String.valueOf(physicianId))
                .with(user(coordinator)).exchange();
        SupporterSummary supporter = supporters.ofPhysician(physicianId).orElseThrow();
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/supporters/" + supporter.id())
                .flash().containsEntry("flash", "supporter.nominated");
        assertThat(supporter.status()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(supporter.hospitalId()).isEqualTo(place.hospitalId());
        assertThat(supporter.departmentIds()).containsExactly(place.departmentId());
        assertThat(supporter.capacity()).isEqualTo(3);
        assertThat(supporter.certification().state()).isEqualTo(CertificationState.NOT_CERTIFIED);

        AccountSummary account = accounts.accountByEmail(physician.email()).orElseThrow();
        assertThat(account.id()).isEqualTo(physician.accountId());
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.SUPPORTER);
        assertThat(fixtures.reload(physician).has(Role.SUPPORTER)).isTrue();

        assertThat(mvc.get().uri("/supporters/{id}", supporter.id()).with(user(coordinator))).hasStatusOk()
                .bodyText().contains(supporter.name()).contains("Nominated").contains("not certified");
    }

    @Test
    void nominating_a_physician_without_an_account_makes_one() {
        String email = Fixtures.uniqueEmail("no.account");
        long physicianId = fixtures.physician(place.departmentId(), email);
        assertThat(accounts.accountByEmail(email)).isEmpty();

        assertThat(post("/supporters/nominate").param("physicianId", String.valueOf(physicianId))
                .with(user(coordinator))).hasStatus(HttpStatus.FOUND).flash()
                .containsEntry("flash", "supporter.nominated.newAccount");

        AccountSummary account = accounts.accountByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.SUPPORTER);
        assertThat(account.physicianId()).isEqualTo(physicianId);
        assertThat(account.hospitalIds()).isEmpty();
        assertThat(supporters.ofPhysician(physicianId)).isPresent();
    }

    @Test
    void nominating_the_same_physician_twice_gives_a_clear_message_and_one_supporter() {
        long physicianId = fixtures.physician(place.departmentId());
        assertThat(post("/supporters/nominate").param("physicianId", String.valueOf(physicianId))
                .with(user(coordinator))).hasStatus(HttpStatus.FOUND);
        SupporterSummary first = supporters.ofPhysician(physicianId).orElseThrow();

        assertThat(post("/supporters/nominate").param("physicianId", String.valueOf(physicianId)).param("q", "dr")
                .with(user(coordinator))).hasStatusOk().bodyText()
                .contains("This physician is already a peer supporter");
        assertThat(jdbc.queryForObject("select count(*) from supporter where physician_id = ?", Long.class,
                physicianId)).isEqualTo(1);
        assertThat(records.supporter(first.id()).version()).isEqualTo(first.version());
    }

    @Test
    void the_nomination_search_finds_roster_physicians_of_the_coordinators_hospitals() {
        String email = Fixtures.uniqueEmail("findable");
        long physicianId = fixtures.physician(place.departmentId(), email);
        assertThat(mvc.get().uri("/supporters/nominate?q={q}", email).with(user(coordinator))).hasStatusOk()
                .bodyText().contains(email).contains("name=\"physicianId\" value=\"" + physicianId + "\"");
    }

    // Capacity, departments and status

    @Test
    void a_capacity_below_zero_or_above_fifty_gives_a_message_next_to_the_field_and_nothing_changes() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        SupporterSummary before = records.supporter(id);
        for (String capacity : List.of("-1", "51")) {
            MvcTestResult result = post("/supporters/{id}/service", id).param("capacity", capacity)
                    .param("departmentIds", String.valueOf(place.departmentId()))
                    .param("version", String.valueOf(before.version())).with(user(coordinator)).exchange();
            assertThat(result).hasStatusOk();
            String html = html(result);
            assertThat(textOf(html, "service-capacity-error")).as(capacity)
                    .isEqualTo("Choose a capacity between 0 and 50.");
            assertThat(html).contains("aria-invalid=\"true\"").contains("value=\"" + capacity + "\"");
            SupporterSummary after = records.supporter(id);
            assertThat(after.capacity()).isEqualTo(3);
            assertThat(after.version()).isEqualTo(before.version());
        }
        assertThat(post("/supporters/{id}/service", id).param("capacity", "0")
                .param("departmentIds", String.valueOf(place.departmentId()))
                .param("version", String.valueOf(before.version())).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(records.supporter(id).capacity()).isZero();
    }

    @Test
    void departments_of_another_hospital_are_refused_on_the_field() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        Place other = fixtures.hospital();
        MvcTestResult result = post("/supporters/{id}/service", id).param("capacity", "4")
                .param("departmentIds", String.valueOf(other.departmentId())).param("version", "0")
                .with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Choose departments of the supporter&#39;s own hospital.");
        assertThat(records.supporter(id).departmentIds()).containsExactly(place.departmentId());
        assertThat(records.supporter(id).capacity()).isEqualTo(3);
    }

    @Test
    void a_status_change_through_the_page_and_a_refused_one_with_its_message() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        assertThat(post("/supporters/{id}/status", id).param("change", "RESUME").param("version", "0")
                .with(user(coordinator))).hasStatusOk().bodyText().contains("This supporter is not paused.");
        assertThat(post("/supporters/{id}/status", id).param("change", "ACTIVATE").param("version", "0")
                .with(user(coordinator))).hasStatus(HttpStatus.FOUND);
        long version = records.supporter(id).version();
        MvcTestResult pastReturn = post("/supporters/{id}/status", id).param("change", "PAUSE")
                .param("pausedUntil", records.today().minusDays(1).toString()).param("version", String.valueOf(version))
                .with(user(coordinator)).exchange();
        assertThat(pastReturn).hasStatusOk();
        assertThat(textOf(html(pastReturn), "status-pausedUntil-error"))
                .isEqualTo("Choose a return date after today, or leave it empty.");
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.ACTIVE);
        // A stale status change is the 409 page, not a lost update.
        assertThat(post("/supporters/{id}/status", id).param("change", "RETIRE").param("version", "0")
                .with(user(coordinator))).hasStatus(HttpStatus.CONFLICT);
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.ACTIVE);
    }

    @Test
    void a_supporter_pauses_and_comes_back_from_my_training() {
        CurrentUser supporter = supporterWithAccount(place);
        long id = supporters.ofPhysician(supporter.physicianId().orElseThrow()).orElseThrow().id();
        // Not active yet: a pause is refused with a message.
        assertThat(post("/my/training/availability").param("change", "PAUSE").with(user(supporter))).hasStatusOk()
                .bodyText().contains("Only an active supporter can pause.");
        supporters.changeStatus(id, StatusChange.ACTIVATE, null, records.supporter(id).version(), TrainingRecords.ALL);
        // Retiring is for coordinators.
        assertThat(post("/my/training/availability").param("change", "RETIRE").with(user(supporter))).hasStatusOk();
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.ACTIVE);

        LocalDate back = records.today().plusDays(14);
        assertThat(post("/my/training/availability").param("change", "PAUSE").param("pausedUntil", back.toString())
                .with(user(supporter))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/my/training");
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.PAUSED);
        assertThat(records.supporter(id).pausedUntil()).isEqualTo(back);
        assertThat(post("/my/training/availability").param("change", "RESUME").with(user(supporter)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.ACTIVE);
    }

    // Sessions and attendance

    @Test
    void a_session_is_scheduled_through_the_page() {
        String facilitator = Fixtures.unique("Dr Facilitator");
        Set<Long> modules = records.requiredModules();
        MvcTestResult result = scheduleThroughThePage(records.today().minusDays(2), facilitator, modules);
        Long id = jdbc.queryForObject("select id from training_session where facilitator = ?", Long.class,
                facilitator);
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/training/sessions/" + id);
        TrainingService.SessionView session = training.session(id, TrainingRecords.ALL);
        assertThat(session.hospitalId()).isEqualTo(place.hospitalId());
        assertThat(session.date()).isEqualTo(records.today().minusDays(2));
        assertThat(session.refresher()).isFalse();
        assertThat(session.modules()).extracting(TrainingService.ModuleView::id)
                .containsExactlyInAnyOrderElementsOf(modules);
    }

    @Test
    void session_dates_far_in_the_past_or_future_give_a_message_next_to_the_date() {
        String facilitator = Fixtures.unique("Dr Too Early");
        MvcTestResult tooOld = scheduleThroughThePage(records.today().minusYears(5).minusDays(1), facilitator,
                records.requiredModules());
        assertThat(tooOld).hasStatusOk();
        assertThat(textOf(html(tooOld), "sessionDate-error")).isEqualTo("Choose a date within the last 5 years.");
        assertThat(html(tooOld)).contains("value=\"" + facilitator + "\"");

        MvcTestResult tooFar = scheduleThroughThePage(records.today().plusYears(1).plusDays(1), facilitator,
                records.requiredModules());
        assertThat(tooFar).hasStatusOk();
        assertThat(textOf(html(tooFar), "sessionDate-error")).isEqualTo("Choose a date within the next 1 year.");

        MvcTestResult noModules = scheduleThroughThePage(records.today(), facilitator, Set.of());
        assertThat(textOf(html(noModules), "moduleIds-error")).isEqualTo("Choose at least one module.");

        assertThat(jdbc.queryForObject("select count(*) from training_session where facilitator = ?", Long.class,
                facilitator)).isZero();
    }

    @Test
    void attendance_for_a_supporter_of_another_hospital_is_refused_and_nothing_is_saved() {
        long ours = records.nominate(fixtures.physician(place.departmentId()));
        Place other = fixtures.hospital();
        long theirs = records.nominate(fixtures.physician(other.departmentId()));
        long session = records.session(place.hospitalId(), records.today().minusDays(1), false,
                records.requiredModules());
        long module = records.requiredModules().iterator().next();

        MvcTestResult result = post("/training/sessions/{id}/attendance", session)
                .param("attended", String.valueOf(ours), String.valueOf(theirs))
                .param("completed", ours + ":" + module, theirs + ":" + module).param("version", "0")
                .with(user(fixtures.admin())).exchange();
        assertThat(result).hasStatusOk();
        assertThat(textOf(html(result), "error-summary"))
                .isEqualTo("Only supporters of this session's hospital can attend it. Nothing was saved.");

        assertThat(training.session(session, TrainingRecords.ALL).attendees()).isEmpty();
        assertThat(records.supporter(ours).status()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(records.supporter(theirs).status()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(training.history(theirs)).isEmpty();
    }

    @Test
    void an_unknown_supporter_id_in_the_checklist_is_refused_too() {
        long session = records.session(place.hospitalId(), records.today(), false, records.requiredModules());
        MvcTestResult result = post("/training/sessions/{id}/attendance", session).param("attended", "999999999")
                .param("version", "0").with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Only supporters of this session");
        assertThat(training.session(session, TrainingRecords.ALL).attendees()).isEmpty();
    }

    @Test
    void every_problem_of_the_new_session_form_shows_at_once_the_sessions_own_rules_too() throws Exception {
        // A blank facilitator (the form's rule), a date decades ago and no module (the session's
        // rules): all three in one submit, each next to its field.
        String page = scheduleThroughThePage(fixtures.today().minusYears(30), "", Set.of()).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"facilitator-error\"", "id=\"sessionDate-error\"", "id=\"moduleIds-error\"",
                "Choose a date within the last", "Choose at least one module.");
        assertThat(jdbc.queryForObject("select count(*) from training_session where hospital_id = ?", Integer.class,
                place.hospitalId())).isZero();
    }

    @Test
    void completion_of_a_module_the_session_did_not_cover_is_refused_and_nothing_is_saved() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        List<Long> required = new ArrayList<>(records.requiredModules());
        long covered = required.get(0);
        long notCovered = required.get(1);
        long session = records.session(place.hospitalId(), records.today().minusDays(1), false, Set.of(covered));

        MvcTestResult result = post("/training/sessions/{id}/attendance", session).param("attended", String.valueOf(id))
                .param("completed", id + ":" + covered, id + ":" + notCovered).param("version", "0")
                .with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk();
        assertThat(textOf(html(result), "error-summary"))
                .isEqualTo("A module can only be completed in a session that covered it.");
        assertThat(training.session(session, TrainingRecords.ALL).attendees()).isEmpty();
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(jdbc.queryForObject("select count(*) from module_completion where supporter_id = ?", Long.class,
                id)).isZero();
    }

    @Test
    void a_malformed_checklist_value_gives_a_message_and_nothing_is_saved() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        long module = records.requiredModules().iterator().next();
        long session = records.session(place.hospitalId(), records.today(), false, Set.of(module));
        for (String bad : List.of("no-colon", id + ":x", "x:" + module, id + ":")) {
            MvcTestResult result = post("/training/sessions/{id}/attendance", session)
                    .param("attended", String.valueOf(id)).param("completed", bad).param("version", "0")
                    .with(user(coordinator)).exchange();
            assertThat(result).as(bad).hasStatusOk();
            assertThat(textOf(html(result), "error-summary")).as(bad)
                    .isEqualTo("The attendance list could not be read. Nothing was saved; please try again.");
        }
        assertThat(training.session(session, TrainingRecords.ALL).attendees()).isEmpty();
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.NOMINATED);
    }

    @Test
    void attendance_at_a_session_that_has_not_happened_yet_is_refused() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        long module = records.requiredModules().iterator().next();
        long session = records.session(place.hospitalId(), records.today().plusDays(1), false, Set.of(module));

        // The page offers no checklist yet.
        assertThat(mvc.get().uri("/training/sessions/{id}", session).with(user(coordinator))).hasStatusOk()
                .bodyText().contains("Attendance can be recorded once the session has taken place.")
                .doesNotContain("Save attendance");
        MvcTestResult result = post("/training/sessions/{id}/attendance", session).param("attended", String.valueOf(id))
                .param("completed", id + ":" + module).param("version", "0").with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk();
        assertThat(textOf(html(result), "error-summary"))
                .isEqualTo("This session has not taken place yet, so nobody can have attended it.");
        assertThat(training.session(session, TrainingRecords.ALL).attendees()).isEmpty();
        assertThat(records.supporter(id).status()).isEqualTo(SupporterStatus.NOMINATED);
    }

    @Test
    void a_stale_attendance_list_is_the_409_page_and_the_newer_one_stands() {
        long first = records.nominate(fixtures.physician(place.departmentId()));
        long second = records.nominate(fixtures.physician(place.departmentId()));
        long session = records.session(place.hospitalId(), records.today(), false, records.requiredModules());
        // Someone else saved the list in between.
        records.attendedInFull(session, first);
        assertThat(post("/training/sessions/{id}/attendance", session).param("attended", String.valueOf(second))
                .param("version", "0").with(user(coordinator))).hasStatus(HttpStatus.CONFLICT).bodyText()
                .contains("Changed by someone else");
        assertThat(training.session(session, TrainingRecords.ALL).attendees()).containsExactly(first);
        assertThat(records.supporter(second).status()).isEqualTo(SupporterStatus.NOMINATED);
    }

    @Test
    void attendance_through_the_checklist_certifies_and_the_supporter_sees_certified_on_my_training() {
        CurrentUser complete = supporterWithAccount(place);
        CurrentUser partial = supporterWithAccount(place);
        long completeId = supporters.ofPhysician(complete.physicianId().orElseThrow()).orElseThrow().id();
        long partialId = supporters.ofPhysician(partial.physicianId().orElseThrow()).orElseThrow().id();
        Set<Long> modules = records.activeModules();
        long missed = records.requiredModules().iterator().next();
        long session = records.session(place.hospitalId(), records.today(), false, modules);

        // The checklist the page shows: both supporters, every covered module ticked by default.
        String page = html(mvc.get().uri("/training/sessions/{id}", session).with(user(coordinator)).exchange());
        assertThat(page).contains("id=\"attended-" + completeId + "\"").contains("id=\"attended-" + partialId + "\"")
                .contains("value=\"" + completeId + ":" + missed + "\"");

        List<String> completed = new ArrayList<>();
        for (long m : modules) {
            completed.add(completeId + ":" + m);
            if (m != missed) {
                completed.add(partialId + ":" + m);
            }
        }
        assertThat(post("/training/sessions/{id}/attendance", session)
                .param("attended", String.valueOf(completeId), String.valueOf(partialId))
                .param("completed", completed.toArray(String[]::new)).param("version", "0").with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/training/sessions/" + session)
                .flash().containsEntry("flash", "session.attendanceSaved");

        SupporterSummary certified = records.supporter(completeId);
        assertThat(certified.status()).isEqualTo(SupporterStatus.IN_TRAINING);
        assertThat(certified.certification().state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(certified.certification().certifiedOn()).isEqualTo(records.today());
        assertThat(records.supporter(partialId).certification().state()).isEqualTo(CertificationState.NOT_CERTIFIED);

        CurrentUser signedIn = (CurrentUser) users.loadUserByUsername(complete.email());
        String mine = html(mvc.get().uri("/my/training").with(user(signedIn)).exchange());
        assertThat(mine).contains("<span class=\"badge text-bg-success\">certified</span>")
                .doesNotContain("not certified");
        String partialPage = html(mvc.get().uri("/my/training").with(user(partial)).exchange());
        assertThat(partialPage).contains("<span class=\"badge text-bg-secondary\">not certified</span>")
                .contains("(not completed)").contains("Complete every required module to be certified.");

        // Unticking the missed module for the first supporter later takes the certification away again.
        completed.remove(completeId + ":" + missed);
        assertThat(post("/training/sessions/{id}/attendance", session)
                .param("attended", String.valueOf(completeId), String.valueOf(partialId))
                .param("completed", completed.toArray(String[]::new))
                .param("version", String.valueOf(records.version(session))).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(records.supporter(completeId).certification().state()).isEqualTo(CertificationState.NOT_CERTIFIED);
    }

    @Test
    void a_refresher_renews_the_certification() {
        long id = records.nominate(fixtures.physician(place.departmentId()));
        LocalDate first = records.today().minusMonths(20);
        records.certify(place.hospitalId(), first, id);
        assertThat(records.supporter(id).certification().certifiedOn()).isEqualTo(first);

        long module = records.requiredModules().iterator().next();
        long refresher = records.session(place.hospitalId(), records.today().minusDays(3), true, Set.of(module));
        records.attendedInFull(refresher, id);
        assertThat(records.supporter(id).certification().certifiedOn()).isEqualTo(records.today().minusDays(3));
        assertThat(records.supporter(id).certification().state()).isEqualTo(CertificationState.CERTIFIED);
    }

    // Coverage and export

    @Test
    void the_coverage_page_marks_a_department_without_enough_certified_supporters() {
        int target = organization.settings().supportersPerDepartment();
        String uncoveredName = Fixtures.unique("Uncovered");
        long uncovered = organization.createDepartment(place.hospitalId(), uncoveredName, HospitalScope.everything());
        long[] ids = new long[target];
        for (int i = 0; i < target; i++) {
            ids[i] = records.nominate(fixtures.physician(place.departmentId()));
        }
        records.certifiedAndActive(place.hospitalId(), ids);
        // In training in the uncovered department: counted apart, not as coverage.
        records.nominate(fixtures.physician(uncovered));

        String html = html(mvc.get().uri("/training/coverage").with(user(coordinator)).exchange());
        String coveredRow = rowOf(html, organization.department(place.departmentId()).orElseThrow().label());
        String uncoveredRow = rowOf(html, uncoveredName + ", " + place.hospitalName());
        assertThat(coveredRow).doesNotContain("table-warning").contains(target + " / " + target).contains("Covered");
        assertThat(uncoveredRow).contains("table-warning").contains("0 / " + target)
                .contains("Needs " + target + " more").contains(">1<");
        assertThat(html).contains("1 of 2 departments need more supporters.");
    }

    @Test
    void the_export_lists_the_supporters_with_their_training_status_and_neutralises_formulas() throws IOException {
        String formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        long evil = roster.add(new PhysicianDetails(formula, Fixtures.uniqueEmail("formula"), null,
                place.departmentId(), "Internal Medicine", null, true), HospitalScope.everything());
        long evilId = records.nominate(evil);
        long certifiedId = records.nominate(fixtures.physician(place.departmentId()));
        records.certifiedAndActive(place.hospitalId(), certifiedId);
        SupporterSummary certified = records.supporter(certifiedId);

        MvcTestResult result = mvc.get().uri("/supporters/export.csv").with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8")
                .hasHeader("Content-Disposition", "attachment; filename=\"supporters.csv\"");
        String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(csv)
                .startsWith("name,email,hospital,departments,status,capacity,certification,certified_on,expires_on");
        assertThat(rows).hasSize(2);

        CSVRecord formulaRow = rows.stream().filter(r -> r.get("email").equals(records.supporter(evilId).email()))
                .findFirst().orElseThrow();
        assertThat(formulaRow.get("name")).isEqualTo("'" + formula);
        assertThat(formulaRow.get("status")).isEqualTo("NOMINATED");
        assertThat(formulaRow.get("certification")).isEqualTo("NOT_CERTIFIED");
        assertThat(formulaRow.get("certified_on")).isEmpty();

        CSVRecord certifiedRow = rows.stream().filter(r -> r.get("email").equals(certified.email())).findFirst()
                .orElseThrow();
        assertThat(certifiedRow.get("name")).isEqualTo(certified.name());
        assertThat(certifiedRow.get("hospital")).isEqualTo(place.hospitalName());
        assertThat(certifiedRow.get("departments"))
                .isEqualTo(organization.department(place.departmentId()).orElseThrow().name());
        assertThat(certifiedRow.get("status")).isEqualTo("ACTIVE");
        assertThat(certifiedRow.get("capacity")).isEqualTo("3");
        assertThat(certifiedRow.get("certification")).isEqualTo("CERTIFIED");
        assertThat(certifiedRow.get("certified_on")).isEqualTo(records.today().toString());
        assertThat(certifiedRow.get("expires_on")).isEqualTo(certified.certification().expiresOn().toString());
    }

    @Test
    void the_roster_filters_by_status_and_certification() {
        long nominee = records.nominate(fixtures.physician(place.departmentId()));
        long active = records.nominate(fixtures.physician(place.departmentId()));
        records.certifiedAndActive(place.hospitalId(), active);
        String nomineeName = records.supporter(nominee).name();
        String activeName = records.supporter(active).name();

        assertThat(mvc.get().uri("/supporters?status=ACTIVE").with(user(coordinator))).hasStatusOk().bodyText()
                .contains(activeName).doesNotContain(nomineeName).contains("1 supporter");
        assertThat(mvc.get().uri("/supporters?certification=NOT_CERTIFIED").with(user(coordinator))).hasStatusOk()
                .bodyText().contains(nomineeName).doesNotContain(activeName);
        assertThat(mvc.get().uri("/supporters?departmentId={d}", place.departmentId()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains(nomineeName).contains(activeName).contains("2 supporters");
    }

    // The eligibility API for referrals

    @Test
    void the_eligibility_api_excludes_each_supporter_with_the_reason() {
        long referred = fixtures.physician(place.departmentId());
        long referrer = fixtures.physician(place.departmentId());
        long referredAsSupporter = records.nominate(referred);
        long referrerAsSupporter = records.nominate(referrer);
        long conflicted = records.nominate(fixtures.physician(place.departmentId()));
        long declaresOwnConflict = fixtures.physician(place.departmentId());
        long privatelyConflicted = records.nominate(declaresOwnConflict);
        long inTraining = records.nominate(fixtures.physician(place.departmentId()));
        long paused = records.nominate(fixtures.physician(place.departmentId()));
        long uncertified = records.nominate(fixtures.physician(place.departmentId()));
        long full = records.nominate(fixtures.physician(place.departmentId()));
        long zeroCapacity = records.nominate(fixtures.physician(place.departmentId()));
        long eligible = records.nominate(fixtures.physician(place.departmentId()));
        long retired = records.nominate(fixtures.physician(place.departmentId()));

        records.certifiedAndActive(place.hospitalId(), referredAsSupporter, referrerAsSupporter, conflicted, paused,
                full, zeroCapacity, eligible, privatelyConflicted);
        records.certify(place.hospitalId(), records.today(), inTraining);
        activate(uncertified);
        supporters.declareConflict(conflicted, roster.physician(referred).orElseThrow().email(), TrainingRecords.ALL);
        supporters.declareOwnConflict(declaresOwnConflict, roster.physician(referred).orElseThrow().email());
        supporters.changeStatus(paused, StatusChange.PAUSE, null, records.supporter(paused).version(),
                TrainingRecords.ALL);
        supporters.changeService(zeroCapacity, 0, Set.of(place.departmentId()),
                records.supporter(zeroCapacity).version(), TrainingRecords.ALL);
        supporters.changeStatus(retired, StatusChange.RETIRE, null, 0, TrainingRecords.ALL);

        Eligibility answer = directory.forCase(place.hospitalId(), records.today(), referred, Set.of(referrer),
                Map.of(full, 3, eligible, 2));

        assertThat(answer.eligible()).singleElement().satisfies(c -> {
            assertThat(c.supporterId()).isEqualTo(eligible);
            assertThat(c.openCases()).isEqualTo(2);
            assertThat(c.capacity()).isEqualTo(3);
            assertThat(c.departmentIds()).containsExactly(place.departmentId());
            assertThat(c.certification().state()).isEqualTo(CertificationState.CERTIFIED);
        });
        assertThat(answer.excluded()).containsExactlyInAnyOrder(
                new Excluded(referredAsSupporter, ExclusionReason.REFERRED_PHYSICIAN),
                new Excluded(inTraining, ExclusionReason.NOT_ACTIVE),
                new Excluded(paused, ExclusionReason.PAUSED),
                new Excluded(uncertified, ExclusionReason.NOT_CERTIFIED),
                new Excluded(full, ExclusionReason.OVER_CAPACITY),
                new Excluded(zeroCapacity, ExclusionReason.OVER_CAPACITY));
        // The referrer and the conflicted supporters (a conflict their coordinator recorded, or one they
        // declared themselves) are barred, without a reason anyone is shown.
        assertThat(answer.barred()).extracting(Eligibility.Candidate::supporterId)
                .containsExactlyInAnyOrder(referrerAsSupporter, conflicted, privatelyConflicted);

        // Without a referrer on the roster, that supporter may take the case.
        assertThat(directory.forCase(place.hospitalId(), records.today(), referred, Set.of(), Map.of()).eligibleById())
                .containsOnlyKeys(referrerAsSupporter, full, eligible);

        // On the day the certification expires, nobody certified today may take a case.
        LocalDate expiry = records.supporter(eligible).certification().expiresOn();
        Eligibility later = directory.forCase(place.hospitalId(), expiry, referred, Set.of(), Map.of());
        assertThat(later.eligible()).isEmpty();
        // The conflicted supporter counts here too: a visible reason comes before a bar.
        assertThat(later.excludedCounts()).containsEntry(ExclusionReason.NOT_CERTIFIED, 7L);
        assertThat(directory.forCase(place.hospitalId(), expiry.minusDays(1), referred, Set.of(), Map.of())
                .eligibleById()).containsOnlyKeys(referrerAsSupporter, full, eligible);
    }

    // Helpers

    private void activate(long id) {
        supporters.changeStatus(id, StatusChange.ACTIVATE, null, records.supporter(id).version(), TrainingRecords.ALL);
    }

    private CurrentUser supporterWithAccount(Place at) {
        CurrentUser physician = fixtures.physicianUser(at.departmentId());
        records.nominate(physician.physicianId().orElseThrow());
        return fixtures.reload(physician);
    }

    private MvcTestResult scheduleThroughThePage(LocalDate date, String facilitator, Set<Long> modules) {
        return post("/training/sessions/new").param("hospitalId", String.valueOf(place.hospitalId()))
                .param("sessionDate", date.toString()).param("facilitator", facilitator).param("_refresher", "on")
                .param("moduleIds", modules.stream().map(String::valueOf).toArray(String[]::new))
                .param("_moduleIds", "1").with(user(coordinator)).exchange();
    }

    private MockMvcTester.MockMvcRequestBuilder post(String uri, Object... variables) {
        return mvc.post().uri(uri, variables).with(csrf());
    }

    private static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The text of the element with this id, up to its first child element, with HTML entities decoded. */
    static String textOf(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("an element with id " + id).isNotNegative();
        int start = html.indexOf('>', at) + 1;
        int end = html.indexOf('<', start);
        return html.substring(start, end).strip().replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** The table row that holds this text. */
    static String rowOf(String html, String text) {
        Matcher rows = Pattern.compile("<tr\\b.*?</tr>", Pattern.DOTALL).matcher(html);
        while (rows.find()) {
            if (rows.group().contains(text)) {
                return rows.group();
            }
        }
        throw new AssertionError("no row with " + text);
    }
}
