package org.peersupport.supporter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.RosterService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see and change supporters and training. A coordinator of hospital A who puts hospital
 * B's ids in the URL finds nothing and changes nothing; physicians see none of this; a supporter
 * sees only their own record; only administrators change the curriculum.
 *
 * <p>The two hospitals are made once for the class: no test changes what the others look at.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupporterAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SupporterService supporters;

    @Autowired
    TrainingService training;

    @Autowired
    RosterService roster;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    TrainingRecords records;

    Place a;

    Place b;

    CurrentUser coordinatorOfA;

    long supporterOfA;

    String nameOfA;

    long supporterOfB;

    String nameOfB;

    long physicianOfB;

    long sessionOfB;

    long conflictOfB;

    CurrentUser physicianOfA;

    CurrentUser supporterOfAWithAccount;

    @BeforeAll
    void setUp() {
        records = new TrainingRecords(supporters, training, clock);
        a = fixtures.hospital();
        b = fixtures.hospital();
        coordinatorOfA = fixtures.coordinator(a.hospitalId());
        supporterOfA = records.nominate(fixtures.physician(a.departmentId()));
        nameOfA = records.supporter(supporterOfA).name();
        supporterOfB = records.nominate(fixtures.physician(b.departmentId()));
        nameOfB = records.supporter(supporterOfB).name();
        sessionOfB = records.certify(b.hospitalId(), records.today().minusDays(7), supporterOfB);
        String conflictEmail = Fixtures.uniqueEmail("conflict");
        conflictOfB = fixtures.physician(b.departmentId(), conflictEmail);
        supporters.declareConflict(supporterOfB, conflictEmail, TrainingRecords.ALL);
        physicianOfB = fixtures.physician(b.departmentId());
        physicianOfA = fixtures.physicianUser(a.departmentId());
        supporterOfAWithAccount = supporterWithAccount(a);
    }

    @Test
    void privateConflictsAreTheSupportersOwnAndNobodyElses() {
        CurrentUser first = supporterWithAccount(a);
        CurrentUser second = supporterWithAccount(a);
        String email = Fixtures.uniqueEmail("close.friend");
        long friend = fixtures.physician(a.departmentId(), email);
        String name = roster.physician(friend).orElseThrow().name();
        assertThat(post("/my/training/conflicts").param("colleagueEmail", email).with(user(first)))
                .hasStatus(HttpStatus.FOUND);

        // Only the supporter who declared it sees it: not another supporter, not their coordinator.
        assertThat(mvc.get().uri("/my/training").with(user(first))).hasStatusOk().bodyText().contains(name);
        assertThat(mvc.get().uri("/my/training").with(user(second))).hasStatusOk().bodyText().doesNotContain(name);
        long firstId = supporters.ofPhysician(first.physicianId().orElseThrow()).orElseThrow().id();
        assertThat(mvc.get().uri("/supporters/{id}", firstId).with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .doesNotContain(name);
        // Nobody else can declare or withdraw one: the list is always the signed-in supporter's own.
        assertThat(post("/my/training/conflicts").param("colleagueEmail", email).with(user(physicianOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/my/training/conflicts").param("colleagueEmail", email).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/my/training/conflicts/{p}/withdraw", friend).with(user(second))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/my/training").with(user(first))).hasStatusOk().bodyText().contains(name);
        // An unknown colleague or oneself is an error next to the field.
        assertThat(post("/my/training/conflicts").param("colleagueEmail", "nobody@nowhere.example.org")
                .with(user(first))).hasStatusOk().bodyText().contains("is-invalid");
        assertThat(post("/my/training/conflicts/{p}/withdraw", friend).with(user(first))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/my/training").with(user(first))).hasStatusOk().bodyText().doesNotContain(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/supporters", "/supporters/nominate", "/supporters/export.csv", "/training/sessions",
            "/training/coverage", "/training/modules", "/my/training"})
    void anonymousVisitorsAreSentToSignIn(String path) {
        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @Test
    void aCoordinatorCannotReadAnotherHospitalsSupporterOrSession() {
        assertThat(mvc.get().uri("/supporters/{id}", supporterOfB).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain(nameOfB);
        assertThat(mvc.get().uri("/training/sessions/{id}", sessionOfB).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain(nameOfB);
        // The own hospital's supporter opens.
        assertThat(mvc.get().uri("/supporters/{id}", supporterOfA).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains(nameOfA);
    }

    @Test
    void aCoordinatorCannotChangeAnotherHospitalsSupporter() {
        SupporterSummary before = records.supporter(supporterOfB);
        String version = String.valueOf(before.version());

        assertThat(post("/supporters/{id}/status", supporterOfB).param("change", "RETIRE").param("version", version)
                .with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/supporters/{id}/service", supporterOfB).param("capacity", "12")
                .param("departmentIds", String.valueOf(b.departmentId())).param("version", version)
                .with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/supporters/{id}/conflicts", supporterOfB)
                .param("conflictEmail", roster.physician(physicianOfB).orElseThrow().email())
                .with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/supporters/{id}/conflicts/{p}/withdraw", supporterOfB, conflictOfB)
                .with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);

        SupporterSummary after = records.supporter(supporterOfB);
        assertThat(after.status()).isEqualTo(before.status()).isEqualTo(SupporterStatus.IN_TRAINING);
        assertThat(after.capacity()).isEqualTo(3);
        assertThat(after.departmentIds()).containsExactly(b.departmentId());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(supporters.conflicts(supporterOfB, TrainingRecords.ALL)).extracting(p -> p.id())
                .containsExactly(conflictOfB);
    }

    @Test
    void aCoordinatorCannotRecordAttendanceAtAnotherHospitalsSession() {
        long nominee = records.nominate(fixtures.physician(b.departmentId()));
        long module = records.requiredModules().iterator().next();
        assertThat(post("/training/sessions/{id}/attendance", sessionOfB)
                .param("attended", String.valueOf(nominee)).param("completed", nominee + ":" + module)
                .param("version", String.valueOf(records.version(sessionOfB))).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        // Nor wipe it by sending an empty list.
        assertThat(post("/training/sessions/{id}/attendance", sessionOfB)
                .param("version", String.valueOf(records.version(sessionOfB))).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);

        TrainingService.SessionView session = training.session(sessionOfB, TrainingRecords.ALL);
        assertThat(session.attendees()).containsExactly(supporterOfB);
        assertThat(session.completions().get(supporterOfB)).isEqualTo(records.activeModules());
        assertThat(records.supporter(supporterOfB).certification().state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(records.supporter(nominee).status()).isEqualTo(SupporterStatus.NOMINATED);
    }

    @Test
    void aCoordinatorCannotScheduleASessionForAnotherHospital() {
        String facilitator = Fixtures.unique("Intruding facilitator");
        MvcTestResult result = mvc.post().uri("/training/sessions/new")
                .param("hospitalId", String.valueOf(b.hospitalId())).param("sessionDate", records.today().toString())
                .param("facilitator", facilitator).param("_refresher", "on")
                .param("moduleIds", records.requiredModules().stream().map(String::valueOf).toArray(String[]::new))
                .with(csrf()).with(user(coordinatorOfA)).exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Choose one of your hospitals.");
        assertThat(jdbc.queryForObject("select count(*) from training_session where facilitator = ?", Long.class,
                facilitator)).isZero();
    }

    @Test
    void listsExportAndCoverageOfACoordinatorNeverShowAnotherHospitalsSupporters() {
        assertThat(mvc.get().uri("/supporters").with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .contains(nameOfA).doesNotContain(nameOfB).doesNotContain(b.hospitalName());
        // Asking for hospital B by filter gives nothing either.
        assertThat(mvc.get().uri("/supporters?hospitalId={h}", b.hospitalId()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().doesNotContain(nameOfB).contains("No supporters match.");
        assertThat(mvc.get().uri("/supporters?departmentId={d}", b.departmentId()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().doesNotContain(nameOfB);

        MvcTestResult export = mvc.get().uri("/supporters/export.csv").with(user(coordinatorOfA)).exchange();
        assertThat(export).hasStatusOk();
        String csv = new String(export.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains(nameOfA).doesNotContain(nameOfB).doesNotContain(b.hospitalName());

        assertThat(mvc.get().uri("/training/coverage").with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .contains(a.hospitalName()).doesNotContain(b.hospitalName());

        String facilitatorOfB = training.session(sessionOfB, TrainingRecords.ALL).facilitator();
        assertThat(mvc.get().uri("/training/sessions").with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .doesNotContain(facilitatorOfB).doesNotContain(b.hospitalName());
    }

    @Test
    void anAdministratorSeesEveryHospitalsSupporters() {
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/supporters?hospitalId={h}", b.hospitalId()).with(user(admin))).hasStatusOk()
                .bodyText().contains(nameOfB);
        assertThat(mvc.get().uri("/supporters/{id}", supporterOfB).with(user(admin))).hasStatusOk().bodyText()
                .contains(nameOfB);
        assertThat(mvc.get().uri("/training/sessions/{id}", sessionOfB).with(user(admin))).hasStatusOk().bodyText()
                .contains(nameOfB);
    }

    @Test
    void aCoordinatorCannotNominateAnotherHospitalsPhysician() {
        String emailOfB = roster.physician(physicianOfB).orElseThrow().email();
        assertThat(post("/supporters/nominate").param("physicianId", String.valueOf(physicianOfB))
                .with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(supporters.ofPhysician(physicianOfB)).isEmpty();
        assertThat(accounts.accountByEmail(emailOfB)).isEmpty();
        // The search for physicians to nominate does not find them either.
        assertThat(mvc.get().uri("/supporters/nominate?q={q}", emailOfB).with(user(coordinatorOfA))).hasStatusOk()
                .bodyText().contains("No physicians match.")
                .doesNotContain("name=\"physicianId\" value=\"" + physicianOfB + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/supporters", "/supporters/nominate", "/supporters/export.csv", "/training/sessions",
            "/training/sessions/new", "/training/coverage", "/training/modules", "/my/training"})
    void aPhysicianSeesNoneOfThis(String path) {
        assertThat(mvc.get().uri(path).with(user(physicianOfA))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPhysicianCannotChangeASupporterOrNominate() {
        CurrentUser physician = physicianOfA;
        assertThat(post("/supporters/{id}/status", supporterOfA).param("change", "RETIRE").param("version", "0")
                .with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/supporters/nominate")
                .param("physicianId", String.valueOf(physician.physicianId().orElseThrow()))
                .with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/my/training/availability").param("change", "PAUSE").with(user(physician)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(records.supporter(supporterOfA).status()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(supporters.ofPhysician(physician.physicianId().orElseThrow())).isEmpty();
    }

    @Test
    void aSupporterSeesOnlyTheirOwnTrainingRecord() {
        CurrentUser first = supporterWithAccount(a);
        CurrentUser second = supporterWithAccount(a);
        long firstId = supporters.ofPhysician(first.physicianId().orElseThrow()).orElseThrow().id();
        long session = records.certify(a.hospitalId(), records.today().minusDays(2), firstId);
        String facilitator = training.session(session, TrainingRecords.ALL).facilitator();

        assertThat(mvc.get().uri("/my/training").with(user(first))).hasStatusOk().bodyText()
                .contains(facilitator).contains("certified").doesNotContain("not certified");
        assertThat(mvc.get().uri("/my/training").with(user(second))).hasStatusOk().bodyText()
                .doesNotContain(facilitator).contains("not certified").contains("No training recorded yet.");
        // A parameter naming someone else changes nothing: the record is the signed-in person's.
        assertThat(mvc.get().uri("/my/training?supporterId={id}", firstId).with(user(second))).hasStatusOk()
                .bodyText().doesNotContain(facilitator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/supporters", "/supporters/nominate", "/supporters/export.csv", "/training/sessions",
            "/training/coverage", "/training/modules"})
    void aSupporterCannotOpenTheCoordinatorsPages(String path) {
        assertThat(mvc.get().uri(path).with(user(supporterOfAWithAccount))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSupporterCannotOpenTheirOwnRecordOnTheCoordinatorsPages() {
        CurrentUser supporter = supporterWithAccount(a);
        long id = supporters.ofPhysician(supporter.physicianId().orElseThrow()).orElseThrow().id();
        assertThat(mvc.get().uri("/supporters/{id}", id).with(user(supporter))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/supporters/{id}/service", id).param("capacity", "50")
                .param("departmentIds", String.valueOf(a.departmentId())).param("version", "0").with(user(supporter)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(records.supporter(id).capacity()).isEqualTo(3);
    }

    @Test
    void aSupporterRoleWithoutASupporterRecordFindsNothing() {
        // An account given the role by hand, with no supporter record behind it.
        long physicianId = fixtures.physician(a.departmentId());
        CurrentUser user = fixtures.account(EnumSet.of(Role.PHYSICIAN, Role.SUPPORTER), Set.of(), physicianId);
        assertThat(mvc.get().uri("/my/training").with(user(user))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdministratorsChangeTheCurriculum() {
        String title = Fixtures.unique("Coordinator module");
        assertThat(mvc.get().uri("/training/modules/new").with(user(coordinatorOfA))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/training/modules/new").param("title", title).param("description", "Should not exist")
                .param("hours", "1").param("_required", "on").param("version", "0").with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from training_module where title = ?", Long.class, title))
                .isZero();

        TrainingService.ModuleView existing = training.curriculum().get(0);
        assertThat(mvc.get().uri("/training/modules/{id}", existing.id()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/training/modules/{id}", existing.id()).param("title", "Renamed by a coordinator")
                .param("description", existing.description()).param("hours", existing.hours().toPlainString())
                .param("required", "true").param("active", "true").param("_required", "on").param("_active", "on")
                .param("version", String.valueOf(existing.version())).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(training.module(existing.id()).title()).isEqualTo(existing.title());
        // Coordinators still read the curriculum.
        assertThat(mvc.get().uri("/training/modules").with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .contains(existing.title()).doesNotContain("Add a module");

        // An administrator may. The module is optional, so nobody's certification changes.
        CurrentUser admin = fixtures.admin();
        String adminTitle = Fixtures.unique("Optional module");
        assertThat(post("/training/modules/new").param("title", adminTitle).param("description", "Added in a test")
                .param("hours", "0.5").param("_required", "on").param("version", "0").with(user(admin)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/training/modules");
        TrainingService.ModuleView added = training.curriculum().stream().filter(m -> m.title().equals(adminTitle))
                .findFirst().orElseThrow();
        assertThat(added.required()).isFalse();
        assertThat(added.active()).isTrue();
        assertThat(records.supporter(supporterOfB).certification().state()).isEqualTo(CertificationState.CERTIFIED);
        // And retires it again, so the shared curriculum stays as the other tests expect it.
        assertThat(post("/training/modules/{id}", added.id()).param("title", adminTitle)
                .param("description", "Added in a test").param("hours", "0.5").param("_required", "on")
                .param("_active", "on").param("version", String.valueOf(added.version())).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(training.module(added.id()).active()).isFalse();
    }

    private CurrentUser supporterWithAccount(Place place) {
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        records.nominate(physician.physicianId().orElseThrow());
        return fixtures.reload(physician);
    }

    private MockMvcTester.MockMvcRequestBuilder post(String uri, Object... variables) {
        return mvc.post().uri(uri, variables).with(csrf());
    }
}
