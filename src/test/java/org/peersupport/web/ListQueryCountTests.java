package org.peersupport.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.audit.AuditLog;
import org.peersupport.organization.OrganizationService;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * List pages cost the same number of queries whether they show one row or a full page: no query
 * per row. Counted with Hibernate's statistics, which the integration tests switch on, or with
 * every statement ({@code StatementCounter}), with the reference cache warm as it nearly always is;
 * just after a change to reference data a page reloads only its own caller's share of it.
 */
@IntegrationTest
class ListQueryCountTests {

    /**
     * The navigation's counts on a coordinator's or administrator's page: cases to act on,
     * certifications expiring, escalations not acknowledged.
     */
    static final int BADGES = 3;

    /** Of those, the ones Hibernate's statistics see (the escalations' count); the others are plain SQL. */
    static final int HIBERNATE_BADGES = 1;

    /** The survey templates page's size. */
    static final int TEMPLATES_PAGE = 25;

    /**
     * The home page's work queue: the referral counts, escalations not acknowledged, certifications
     * expiring, departments uncovered.
     */
    static final int WORK_QUEUE = 4;

    /** The administrator's outbox health on the home page: notices waiting or failed, survey e-mails. */
    static final int OUTBOX = 2;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    OrganizationService organization;

    @Autowired
    org.peersupport.reporting.ReportingRefresh reportingRefresh;

    @Autowired
    SupporterService supporters;

    @Autowired
    TrainingService training;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ResourceService resources;

    @Autowired
    AuditLog audit;

    @Autowired
    org.peersupport.shared.ReferenceCache referenceCache;

    @Autowired
    org.peersupport.survey.CampaignService campaigns;

    @Autowired
    org.peersupport.survey.SurveyTemplateService surveyTemplates;

    @Test
    void theRosterPageDoesNotQueryPerRow() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        fixtures.physician(place.departmentId());
        // One row: the page query; the filters' hospitals and departments come from the reference
        // cache, and no count is needed. The roster is plain SQL: every statement is counted.
        long one = allStatementsFor("/roster", coordinator);
        for (int i = 0; i < 30; i++) {
            fixtures.physician(place.departmentId());
        }
        long full = allStatementsFor("/roster", coordinator);
        assertThat(full).as("a full page adds the count").isEqualTo(one + 1);
        for (int i = 0; i < 30; i++) {
            fixtures.physician(place.departmentId());
        }
        assertThat(allStatementsFor("/roster?page=1", coordinator)).isEqualTo(full).isLessThanOrEqualTo(4 + BADGES);
    }

    @Test
    void theAccountsPageDoesNotQueryPerRow() {
        CurrentUser admin = fixtures.admin();
        String tag = Fixtures.unique("tag").replace(" ", "");
        fixtures.account(tag + ".first@test.example.org", java.util.EnumSet.of(Role.ADMIN), java.util.Set.of(), null);
        long one = statementsFor("/admin/accounts?q=" + tag, admin);
        for (int i = 0; i < 20; i++) {
            Place place = fixtures.hospital();
            fixtures.account(tag + "." + i + "@test.example.org", java.util.EnumSet.of(Role.COORDINATOR),
                    java.util.Set.of(place.hospitalId()), null);
        }
        long full = statementsFor("/admin/accounts?q=" + tag, admin);
        assertThat(full).isEqualTo(one).isLessThanOrEqualTo(3 + HIBERNATE_BADGES);
    }

    @Test
    void theHospitalsPageDoesNotQueryPerHospital() {
        CurrentUser admin = fixtures.admin();
        // Hospitals and departments come from the reference cache: only the session is written.
        long before = allStatementsFor("/organization/hospitals", admin);
        for (int i = 0; i < 5; i++) {
            fixtures.hospital();
        }
        assertThat(allStatementsFor("/organization/hospitals", admin)).isEqualTo(before)
                .isLessThanOrEqualTo(2 + BADGES);
    }

    @Test
    void theSupportersPageDoesNotQueryPerSupporter() {
        Place place = fixtures.hospital();
        HospitalScope all = HospitalScope.everything();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        long second = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), all);
        supporters.nominate(fixtures.physician(place.departmentId()), all);
        // One row: the supporters with their departments and their roster rows; the settings and the
        // filters' hospitals and departments come from the reference cache.
        long one = statementsFor("/supporters", coordinator);
        assertThat(one).isLessThanOrEqualTo(2);
        String conflictEmail = Fixtures.uniqueEmail("conflict");
        fixtures.physician(place.departmentId(), conflictEmail);
        for (int i = 0; i < 30; i++) {
            long id = supporters.nominate(fixtures.physician(place.departmentId()), all).supporterId();
            supporters.changeService(id, 4, Set.of(place.departmentId(), second), 0, all);
            supporters.declareConflict(id, conflictEmail, all);
        }
        assertThat(statementsFor("/supporters", coordinator)).isEqualTo(one);
        assertThat(statementsFor("/supporters?page=1", coordinator)).isEqualTo(one);
        assertThat(statementsFor("/supporters?status=NOMINATED&certification=NOT_CERTIFIED", coordinator))
                .isEqualTo(one);
    }

    @Test
    void theTrainingSessionsPageDoesNotQueryPerSession() {
        Place place = fixtures.hospital();
        HospitalScope all = HospitalScope.everything();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        long supporter = supporters.nominate(fixtures.physician(place.departmentId()), all).supporterId();
        Set<Long> modules = training.curriculum().stream().filter(TrainingService.ModuleView::active)
                .map(TrainingService.ModuleView::id).collect(Collectors.toSet());
        addSessions(place, supporter, modules, 1);
        // One row: the page of sessions, their modules, attendees and completions, the curriculum (the
        // hospitals come from the reference cache); a full page adds the count.
        assertThat(statementsFor("/training/sessions", coordinator)).isLessThanOrEqualTo(5 + HIBERNATE_BADGES);
        addSessions(place, supporter, modules, 30);
        long full = statementsFor("/training/sessions", coordinator);
        addSessions(place, supporter, modules, 30);
        assertThat(statementsFor("/training/sessions?page=1", coordinator)).isEqualTo(full)
                .isLessThanOrEqualTo(6 + HIBERNATE_BADGES);
    }

    private void addSessions(Place place, long supporter, Set<Long> modules, int count) {
        HospitalScope all = HospitalScope.everything();
        for (int i = 0; i < count; i++) {
            long id = training.schedule(place.hospitalId(), fixtures.today().minusDays(i), "Dr Facilitator", false,
                    modules, all);
            training.recordAttendance(id, Map.of(supporter, modules), 0, all);
        }
    }

    @Test
    void theTriageQueueDoesNotQueryPerCase() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        CertifiedSupporter first = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter second = fixtures.certifiedSupporter(place.departmentId());
        UUID oldest = insertCase(place, referrer, first.id(), false);
        // One row, assigned: the page, the names of physicians and the supporter, the contact
        // tallies that mark escalated cases, and the audit entry; departments, hospitals and
        // settings come from the reference cache. Every statement is counted, JPA and plain SQL
        // alike: the queue and its names are read with plain SQL.
        long one = allStatementsFor("/triage", coordinator);
        assertThat(one).isLessThanOrEqualTo(8 + BADGES);
        for (int i = 0; i < 59; i++) {
            insertCase(place, referrer, i % 3 == 0 ? null : i % 3 == 1 ? first.id() : second.id(), i % 2 == 0);
        }
        // A full page of 25 needs the count as well; then not one statement more for its rows.
        long full = allStatementsFor("/triage", coordinator);
        assertThat(full).isLessThanOrEqualTo(one + 1);
        assertThat(allStatementsFor("/triage?page=1", coordinator)).isEqualTo(full);

        // Each look at a page is one audit entry naming every case shown (each count above looked
        // three times: once to warm the reference cache, twice counted), and the audit page finds
        // every look at a given case through it.
        assertThat(jdbc.queryForList("select cardinality(record_ids) from audit_entry where account_id = ? "
                + "and action = 'LIST' order by id", Integer.class, coordinator.accountId()))
                .containsExactly(1, 1, 1, 25, 25, 25, 25, 25, 25);
        String listedOnPage2 = jdbc.queryForObject("select record_ids[1] from audit_entry where account_id = ? "
                + "and action = 'LIST' order by id desc limit 1", String.class, coordinator.accountId());
        assertThat(mvc.get().uri("/admin/audit?recordId={id}", listedOnPage2).with(user(fixtures.admin())))
                .hasStatusOk().bodyText().contains("referral: a list of 25");
        assertThat(mvc.get().uri("/admin/audit?recordId={id}", oldest.toString()).with(user(fixtures.admin())))
                .hasStatusOk().bodyText().contains("referral: a list of 1");

        // Every order costs the same; a name search adds one statement, the roster ids it matches.
        assertThat(allStatementsFor("/triage?sort=DUE_FIRST", coordinator)).isEqualTo(full);
        assertThat(allStatementsFor("/triage?sort=LONGEST_WAITING", coordinator)).isEqualTo(full);
        assertThat(allStatementsFor("/triage?name=dr", coordinator)).isEqualTo(full + 1);
    }

    @Test
    void aCasePageDoesNotQueryPerSupporterSuggested() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        fixtures.certifiedSupporter(place.departmentId());
        UUID id = insertCase(place, referrer, null, false);
        // The case, its names, its contacts, and every supporter of the hospital judged for it.
        long one = allStatementsFor("/triage/" + id, coordinator);
        assertThat(one).isLessThanOrEqualTo(20);
        String conflictEmail = Fixtures.uniqueEmail("conflict");
        fixtures.physician(place.departmentId(), conflictEmail);
        for (int i = 0; i < 60; i++) {
            CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
            supporters.declareConflict(supporter.id(), conflictEmail, HospitalScope.everything());
        }
        assertThat(allStatementsFor("/triage/" + id, coordinator)).isEqualTo(one);
    }

    @Test
    void mySupportersCasesDoNotQueryPerCase() {
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        insertCase(place, referrer, supporter.id(), true);
        long one = allStatementsFor("/cases", supporter.user());
        assertThat(one).isLessThanOrEqualTo(11);
        for (int i = 0; i < 20; i++) {
            insertCase(place, referrer, supporter.id(), i % 2 == 0);
        }
        assertThat(allStatementsFor("/cases", supporter.user())).isEqualTo(one);
    }

    @Test
    void myReferralsDoNotQueryPerReferral() {
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        insertCase(place, referrer, supporter.id(), false);
        long one = statementsFor("/referrals/mine", referrer);
        assertThat(one).isLessThanOrEqualTo(6);
        for (int i = 0; i < 59; i++) {
            insertCase(place, referrer, i % 2 == 0 ? null : supporter.id(), false);
        }
        long full = statementsFor("/referrals/mine", referrer);
        assertThat(full).isLessThanOrEqualTo(one + 1);
        assertThat(statementsFor("/referrals/mine?page=1", referrer)).isEqualTo(full);
    }

    /**
     * A case straight into the tables: no events, so no e-mail listener runs while statements are
     * counted. Assigned to the supporter when one is given; the referrer agreed to be named or not.
     */
    private UUID insertCase(Place place, CurrentUser referrer, Long supporterId, boolean named) {
        UUID id = UUID.randomUUID();
        long physician = fixtures.physician(place.departmentId());
        Instant now = fixtures.now();
        jdbc.update("insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent, "
                + "context, status, supporter_id, assigned_at, due_at, created_at) "
                + "values (?, ?, ?, ?, 'COLLEAGUE', 'BURNOUT', ?, 'context', ?, ?, ?, ?, ?)", id, place.hospitalId(),
                place.departmentId(), physician, named, supporterId == null ? "NEW" : "ASSIGNED", supporterId,
                supporterId == null ? null : Timestamp.from(now),
                supporterId == null ? null : Timestamp.from(now.plus(Duration.ofHours(24))), Timestamp.from(now));
        jdbc.update("insert into referral_request (id, referral_id, referrer_account_id, referrer_physician_id, named, "
                + "submission_key, submitted_at) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id,
                referrer.accountId(), referrer.physicianId().orElseThrow(), named, UUID.randomUUID(),
                Timestamp.from(now));
        return id;
    }

    /** A contact logged straight into the table: escalated, with a resource and a note, and a follow-up. */
    private void insertContact(Place place, CertifiedSupporter supporter, UUID referralId, boolean escalated,
            long resourceId) {
        long supporterId = supporter.id();
        UUID id = UUID.randomUUID();
        Instant now = fixtures.now();
        jdbc.update("insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, referral_id, "
                + "occurred_at, mode, minutes, outcome, red_flag, escalation_action, follow_up_on, logged_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'PHONE', 30, 'CONNECTED', ?, ?, ?, ?)", id, place.hospitalId(),
                place.departmentId(), fixtures.physician(place.departmentId()), supporterId, referralId,
                Timestamp.from(now), escalated, escalated ? "ADVISED" : null, fixtures.today().plusDays(1),
                Timestamp.from(now));
        if (escalated) {
            jdbc.update("insert into interaction_resource (interaction_id, resource_id) values (?, ?)", id, resourceId);
        }
        jdbc.update("insert into interaction_note (interaction_id, author_account_id, body, written_at) "
                + "values (?, ?, 'note', ?)", id, supporter.user().accountId(), Timestamp.from(now));
    }

    @Test
    void mySupportersContactsDoNotQueryPerContact() {
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long resource = jdbc.queryForObject("select min(id) from resource", Long.class);
        UUID open = insertCase(place, referrer, supporter.id(), false);
        insertContact(place, supporter, open, true, resource);
        long one = statementsFor("/contacts", supporter.user());
        assertThat(one).isLessThanOrEqualTo(8);
        for (int i = 0; i < 25; i++) {
            insertContact(place, supporter, i % 2 == 0 ? insertCase(place, referrer, supporter.id(), false) : null,
                    i % 3 == 0, resource);
        }
        assertThat(statementsFor("/contacts", supporter.user())).isLessThanOrEqualTo(one + 1);
    }

    @Test
    void theEscalationsDoNotQueryPerEscalation() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long resource = jdbc.queryForObject("select min(id) from resource", Long.class);
        insertContact(place, supporter, null, true, resource);
        long one = statementsFor("/escalations", coordinator);
        // The page and its count, the escalations' resources, and their acknowledgements.
        assertThat(one).isLessThanOrEqualTo(5);
        CertifiedSupporter[] others = {fixtures.certifiedSupporter(place.departmentId()),
            fixtures.certifiedSupporter(place.departmentId())};
        for (int i = 0; i < 30; i++) {
            insertContact(place, others[i % 2], null, true, resource);
        }
        // Half of them acknowledged, by two coordinators: named in one query, whatever their number.
        CurrentUser second = fixtures.coordinator(place.hospitalId());
        jdbc.update("insert into escalation_acknowledgement (interaction_id, account_id, acknowledged_at, note)"
                + " select id, case when random() < 0.5 then ? else ? end, now(), 'Done' from interaction"
                + " where hospital_id = ? and red_flag order by id limit 15", coordinator.accountId(),
                second.accountId(), place.hospitalId());
        long full = statementsFor("/escalations", coordinator);
        assertThat(full).isLessThanOrEqualTo(one + 1);
        assertThat(statementsFor("/escalations?page=1", coordinator)).isLessThanOrEqualTo(full);
        assertThat(statementsFor("/escalations?open=true", coordinator)).isLessThanOrEqualTo(full);
    }

    @Test
    void theSurveysPageDoesNotQueryPerCampaign() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        org.peersupport.survey.NewCampaign campaign = new org.peersupport.survey.NewCampaign("Evaluation",
                surveyTemplates.usable().get(0).id(), place.hospitalId(), java.util.List.of(place.departmentId()),
                fixtures.today(), fixtures.today().plusDays(30));
        campaigns.create(campaign, coordinator.hospitalScope());
        // One row: the page of campaigns with their templates (the hospitals come from the reference
        // cache); no count is needed.
        assertThat(statementsFor("/surveys", coordinator)).isLessThanOrEqualTo(1 + HIBERNATE_BADGES);
        for (int i = 0; i < 25; i++) {
            campaigns.create(campaign, coordinator.hospitalScope());
        }
        long full = statementsFor("/surveys", coordinator);
        for (int i = 0; i < 20; i++) {
            campaigns.create(campaign, coordinator.hospitalScope());
        }
        assertThat(statementsFor("/surveys?page=1", coordinator)).isEqualTo(full).isLessThanOrEqualTo(2 + HIBERNATE_BADGES);
    }

    @Test
    void theHomePageCountsTheProgramWithoutLoadingItsDepartmentsOrRoster() {
        Place place = fixtures.hospital();
        for (int i = 0; i < 10; i++) {
            long department = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                    HospitalScope.everything());
            fixtures.physician(department);
        }
        reportingRefresh.refresh();
        CurrentUser admin = fixtures.admin();
        long statements = allStatementsFor("/", admin);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long hospitals = jdbc.queryForObject("select count(*) from hospital", Long.class);
        statistics.clear();
        assertThat(mvc.get().uri("/").with(user(admin))).hasStatusOk().bodyText().contains("id=\"coordinator-home\"");
        // The hospitals are listed (and the program's settings read); departments and physicians
        // are only counted, in the summaries.
        assertThat(statistics.getEntityLoadCount()).isLessThanOrEqualTo(hospitals + 1);
        for (int i = 0; i < 10; i++) {
            organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), HospitalScope.everything());
        }
        // The whole program's work queue is shared for a few seconds (WorkQueue): the look after
        // the first reads none of it.
        assertThat(allStatementsFor("/", admin)).isEqualTo(statements).isLessThanOrEqualTo(4 + OUTBOX);
    }

    @Test
    void theDashboardDoesNotQueryPerHospitalOrDepartment() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        // Its figures are plain JDBC over the summaries, which Hibernate's statistics do not see:
        // every statement is counted here, JPA and JDBC alike.
        long one = allStatementsFor("/reports", coordinator);
        assertThat(one).isGreaterThan(4).isLessThanOrEqualTo(14);
        for (int i = 0; i < 10; i++) {
            organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), HospitalScope.everything());
        }
        Place other = fixtures.hospital();
        CurrentUser both = fixtures.coordinator(place.hospitalId(), other.hospitalId());
        assertThat(allStatementsFor("/reports", both)).isEqualTo(one);
        assertThat(allStatementsFor("/reports/study", both)).isLessThanOrEqualTo(one);
    }

    @Test
    void theResourceDirectoryDoesNotQueryPerResource() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        addResources(place.hospitalId(), 1);
        long one = allStatementsFor("/resources", coordinator);
        assertThat(one).isLessThanOrEqualTo(2 + BADGES);
        addResources(place.hospitalId(), 20);
        addResources(null, 5);
        assertThat(allStatementsFor("/resources", coordinator)).isEqualTo(one);
    }

    private void addResources(Long hospitalId, int count) {
        for (int i = 0; i < count; i++) {
            resources.add(new ResourceDetails(hospitalId, Fixtures.unique("Line"),
                    ResourceKind.CRISIS_LINE, "555-0100", null, "Always", 1, true),
                    HospitalScope.everything());
        }
    }

    @Test
    void theAuditLogDoesNotQueryPerEntryOrPerson() {
        CurrentUser admin = fixtures.admin();
        String record = UUID.randomUUID().toString();
        audit.record(fixtures.admin().accountId(), "VIEW", "Referral", record);
        long one = allStatementsFor("/admin/audit?recordId=" + record, admin);
        assertThat(one).isLessThanOrEqualTo(8);
        for (int i = 0; i < 60; i++) {
            Place place = fixtures.hospital();
            audit.recordAll(fixtures.coordinator(place.hospitalId()).accountId(), "LIST", "Referral",
                    List.of(record, UUID.randomUUID().toString()));
        }
        assertThat(allStatementsFor("/admin/audit?recordId=" + record, admin)).isEqualTo(one);
        assertThat(allStatementsFor("/admin/audit?recordId=" + record + "&page=1", admin)).isEqualTo(one);
        assertThat(allStatementsFor("/admin/audit", admin)).isLessThanOrEqualTo(one);
    }

    @Test
    void theCoveragePageDoesNotQueryPerDepartmentOrSupporter() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        HospitalScope all = HospitalScope.everything();
        supporters.nominate(fixtures.physician(place.departmentId()), all);
        long one = allStatementsFor("/training/coverage", coordinator);
        assertThat(one).isLessThanOrEqualTo(3 + BADGES);
        for (int i = 0; i < 10; i++) {
            long department = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), all);
            long id = supporters.nominate(fixtures.physician(department), all).supporterId();
            supporters.changeService(id, 4, Set.of(place.departmentId(), department), 0, all);
            fixtures.certifiedSupporter(department);
        }
        assertThat(allStatementsFor("/training/coverage", coordinator)).isEqualTo(one);
    }

    @Test
    void theCurriculumAndTemplatesDoNotQueryPerModuleOrTemplate() {
        CurrentUser admin = fixtures.admin();
        // A full first page of templates from the start, whatever other tests left: the count is then
        // read in both looks below, and only the rows differ.
        long existing = jdbc.queryForObject("select count(*) from survey_template", Long.class);
        for (long i = existing; i <= TEMPLATES_PAGE; i++) {
            surveyTemplates.create(Fixtures.unique("Template"));
        }
        long modules = allStatementsFor("/training/modules", admin);
        long templates = allStatementsFor("/surveys/templates", admin);
        assertThat(modules).isLessThanOrEqualTo(5 + BADGES);
        assertThat(templates).isLessThanOrEqualTo(5 + BADGES);
        for (int i = 0; i < 5; i++) {
            training.addModule(Fixtures.unique("Module"), "About listening", new BigDecimal("1.0"), false);
            surveyTemplates.create(Fixtures.unique("Template"));
        }
        assertThat(allStatementsFor("/training/modules", admin)).isEqualTo(modules);
        assertThat(allStatementsFor("/surveys/templates", admin)).isEqualTo(templates);
    }

    @Test
    void aHospitalsPageDoesNotQueryPerDepartment() {
        Place place = fixtures.hospital();
        CurrentUser admin = fixtures.admin();
        long one = allStatementsFor("/organization/hospitals/" + place.hospitalId(), admin);
        assertThat(one).isLessThanOrEqualTo(3 + BADGES);
        for (int i = 0; i < 15; i++) {
            organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), HospitalScope.everything());
        }
        assertThat(allStatementsFor("/organization/hospitals/" + place.hospitalId(), admin)).isEqualTo(one);
    }

    @Test
    void everyRolesHomeCostsTheSameWhateverTheProgramsSize() {
        Place place = fixtures.hospital();
        Place other = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId(), other.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        reportingRefresh.refresh();
        long coordinatorHome = allStatementsFor("/", coordinator);
        long supporterHome = allStatementsFor("/", supporter.user());
        long physicianHome = allStatementsFor("/", physician);
        assertThat(coordinatorHome).isLessThanOrEqualTo(4 + WORK_QUEUE);
        // The supporter's record and what waits for them: cases, follow-ups and the cases those are on.
        assertThat(supporterHome).isLessThanOrEqualTo(9);
        assertThat(physicianHome).isLessThanOrEqualTo(2);
        for (int i = 0; i < 10; i++) {
            long department = organization.createDepartment(other.hospitalId(), Fixtures.unique("Department"),
                    HospitalScope.everything());
            fixtures.physician(department);
            fixtures.physician(place.departmentId());
        }
        reportingRefresh.refresh();
        assertThat(allStatementsFor("/", coordinator)).isEqualTo(coordinatorHome);
        assertThat(allStatementsFor("/", supporter.user())).isEqualTo(supporterHome);
        assertThat(allStatementsFor("/", physician)).isEqualTo(physicianHome);
    }

    @Test
    void justAfterAChangeAPageReloadsOnlyTheReferenceDataOfItsCallersScope() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        insertCase(place, referrer, fixtures.certifiedSupporter(place.departmentId()).id(), false);
        long warm = allStatementsFor("/triage", coordinator);
        long cold = coldStatementsFor("/triage", coordinator);
        // The hospitals, the departments of the coordinator's hospital, and the settings.
        assertThat(cold).isGreaterThan(warm).isLessThanOrEqualTo(warm + 3);
        for (int i = 0; i < 10; i++) {
            Place elsewhere = fixtures.hospital();
            organization.createDepartment(elsewhere.hospitalId(), Fixtures.unique("Department"),
                    HospitalScope.everything());
            organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"), HospitalScope.everything());
        }
        assertThat(coldStatementsFor("/triage", coordinator)).isEqualTo(cold);
        assertThat(allStatementsFor("/triage", coordinator)).isEqualTo(warm);
    }

    /** Every statement of one look at the page just after reference data changed: the cache is empty. */
    private long coldStatementsFor(String path, CurrentUser user) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and (status is null or status <> 'FAILED')", Integer.class) == 0);
        referenceCache.changed();
        org.peersupport.support.StatementCounter.reset();
        assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
        return org.peersupport.support.StatementCounter.count();
    }

    /**
     * Every statement of one look at the page, with the reference cache warm, as it nearly always is:
     * a look just before, not counted, fills it (the fixtures' changes to hospitals, departments and
     * resources empty it). Then hospitals, departments, settings and resources cost no statement.
     *
     * <p>The fewer of two counted looks: what is shared for a while (the whole program's work queue,
     * five seconds; the reference cache, until the poller next moves on) can run out between the
     * look that filled it and the one counted, and then one look pays for everyone's next seconds.
     * That is by design and happens at most once; a query per row shows in both looks.
     */
    private long allStatementsFor(String path, CurrentUser user) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and (status is null or status <> 'FAILED')", Integer.class) == 0);
        assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
        long fewest = Long.MAX_VALUE;
        for (int look = 0; look < 2; look++) {
            org.peersupport.support.StatementCounter.reset();
            assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
            fewest = Math.min(fewest, org.peersupport.support.StatementCounter.count());
        }
        return fewest;
    }

    /** Hibernate's statements for one look at the page, with the reference cache warm (see above). */
    private long statementsFor(String path, CurrentUser user) {
        // Statistics count every session's statements: wait until no e-mail listener of an earlier test runs.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and (status is null or status <> 'FAILED')", Integer.class) == 0);
        assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int look = 0; look < 2; look++) { // the fewer of two, as allStatementsFor says why
            statistics.clear();
            assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}
