package org.peersupport.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Totp;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.interaction.InteractionService;
import org.peersupport.organization.RosterImportService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.TrainingService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.InvitationMailer;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.SurveyDriver;
import org.peersupport.survey.SurveyTemplateService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the app, as the role that uses it, audited by axe-core in Chromium against WCAG
 * 2.0, 2.1 and 2.2 at levels A and AA, at desktop width and at a phone's 390 px: the forms also
 * after a submit that failed, the dashboard, and the survey a physician answers. A GET mapping
 * that is neither audited here nor listed as a file or a fragment fails the test, so a new page
 * cannot go unaudited.
 */
@IntegrationTest
class AccessibilityAuditBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    static final Dimension DESKTOP = new Dimension(1280, 1024);

    static final Dimension PHONE = new Dimension(390, 844);

    /**
     * Violations accepted, by axe rule id, each with the reason it is accepted. Empty: every
     * violation fails the test.
     */
    static final Map<String, String> ACCEPTED = Map.of();

    /** GET mappings that are not pages, with what they are instead. */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/roster/export.csv", "a CSV file",
            "/roster/import/template.csv", "a CSV file",
            "/supporters/export.csv", "a CSV file",
            "/reports/{table}.csv", "a CSV file",
            "/surveys/{id}/results.csv", "a CSV file",
            "/surveys/{id}/progress", "a fragment of the campaign page, audited with it");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReferralService referrals;

    @Autowired
    TriageService triage;

    @Autowired
    InteractionService interactions;

    @Autowired
    ResourceService resources;

    @Autowired
    TrainingService training;

    @Autowired
    SupporterService supporters;

    @Autowired
    RosterImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    CampaignService campaigns;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every path audited, to check the inventory against. */
    private final Set<String> audited = new LinkedHashSet<>();

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(DESKTOP);
    }

    @Test
    void every_page_meets_wcag_aa_on_a_desktop_and_a_phone_and_none_is_left_out() {
        HospitalScope all = HospitalScope.everything();
        Place place = fixtures.hospital();
        CurrentUser admin = fixtures.admin();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        long resource = resources.add(new ResourceDetails(place.hospitalId(), Fixtures.unique("Employee assistance"),
                ResourceKind.EAP, "555 0100", null, "Any time", 1, true), all);
        referrals.refer(physician, new NewReferral(colleague, false, false, Trigger.PATIENT_DEATH, false, null, false,
                UUID.randomUUID()));
        UUID caseId = jdbc.queryForObject("select id from referral where physician_id = ?", UUID.class, colleague);
        triage.assign(caseId, supporter.id(), 0, coordinator);
        interactions.logOnCase(caseId, new ContactDetails(fixtures.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), ContactMode.PHONE, 20,
                ContactOutcome.CONNECTED, true, Set.of(resource), EscalationAction.WARM_HANDOFF, null, null,
                UUID.randomUUID()), supporter.user());
        UUID escalation = jdbc.queryForObject("select id from interaction where referral_id = ? and red_flag",
                UUID.class, caseId);
        long module = training.curriculum().get(0).id();
        long session = training.schedule(place.hospitalId(), fixtures.today().minusDays(1), "Facilitator", false,
                Set.of(module), all);
        UUID upload = imports.upload("roster.csv", ("name,email,phone,hospital,department,specialty,career_stage,active\n"
                + "Ada Audit," + Fixtures.uniqueEmail("ada") + ",,\"" + place.hospitalName() + "\","
                + jdbc.queryForObject("select name from department where id = ?", String.class, place.departmentId())
                + ",Cardiology,MID_CAREER,true\n").getBytes(StandardCharsets.UTF_8), all).uploadId();
        long template = templates.create(Fixtures.unique("Draft"));
        long question = templates.addQuestion(template, new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Role", true,
                null, null, List.of("Attending", "Resident"), null), templates.template(template).version());
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        SurveyDriver.Opened campaign = surveys.opened(place, 1);
        String invited = Fixtures.uniqueEmail("invited");
        accounts.createAndInvite(new NewAccount(invited, "Invited Person", null, EnumSet.of(Role.ADMIN), Set.of(), null));

        // Signed out.
        audit("/login", "/crisis", "/s/thanks", "/account/set-password/" + TestMail.passwordLinkToken(invited),
                "/s/" + SurveyDriver.token(campaign.emails().get(0)));
        auditAfterFailedSubmit("/login");

        // The second step: setting up the authenticator app, a wrong code, the recovery codes; then a code.
        CurrentUser newcomer = fixtures.accountWithoutSecondFactor(Fixtures.uniqueEmail("newcomer"),
                Set.of(Role.COORDINATOR), Set.of(place.hospitalId()), null);
        password(newcomer.email());
        browser.waitForHeading("Set up your second factor");
        auditCurrent("/login/second-factor (setting up)");
        String key = browser.find(By.id("authenticator-key")).getText().replace(" ", "");
        browser.find(By.cssSelector("main form[method=post] button[type=submit]:not(.btn-link)")).click();
        browser.find(By.id("code-error"));
        auditCurrent("/login/second-factor (after a failed submit)");
        browser.type(By.id("code"), Totp.code(key, Totp.step(fixtures.now())));
        browser.find(By.cssSelector("main form[method=post] button[type=submit]:not(.btn-link)")).click();
        browser.waitForHeading("Your recovery codes");
        auditCurrent("/login/second-factor (recovery codes)");
        browser.find(By.cssSelector("main form[method=post] button[type=submit]")).click();
        browser.waitForHeading("Hello");
        browser.signOut();
        password(admin.email());
        browser.waitForHeading("One more step");
        auditCurrent("/login/second-factor (a code)");
        browser.type(By.id("code"), fixtures.secondFactorCode(admin.email()));
        browser.find(By.cssSelector("main form[method=post] button[type=submit]:not(.btn-link)")).click();
        browser.waitForHeading("Hello");
        // The error page, as a signed-in person meets it (signed out, the sign-in page comes first).
        browser.open("/no-such-page");
        auditCurrent("/error");
        audit("/", "/organization/hospitals", "/organization/hospitals/" + place.hospitalId(),
                "/organization/hospitals/" + place.hospitalId() + "/departments/" + place.departmentId(),
                "/roster", "/roster/new", "/roster/" + colleague, "/roster/import", "/roster/import?tooLarge",
                "/roster/import/" + upload, "/admin/settings", "/admin/accounts", "/admin/accounts/new",
                "/admin/accounts/" + admin.accountId(),
                // A case opened first, so the audit log lists a record with its links.
                "/triage/" + caseId, "/admin/audit", "/account/password", "/account/security", "/reports",
                "/reports?hospitalId=" + place.hospitalId(), "/reports/study", "/resources", "/resources/new",
                "/resources/" + resource, "/surveys", "/surveys/new", "/surveys/" + campaign.id(),
                "/surveys/" + campaign.id() + "/results", "/surveys/templates", "/surveys/templates/" + template,
                "/surveys/templates/" + template + "/questions/" + question, "/training/sessions",
                "/training/sessions/new", "/training/sessions/" + session, "/training/coverage", "/training/modules",
                "/training/modules/new", "/training/modules/" + module, "/supporters", "/supporters/nominate",
                "/supporters/" + supporter.id(), "/escalations");
        auditAfterFailedSubmit("/roster/new", "/admin/accounts/new", "/account/password", "/resources/new",
                "/surveys/new", "/training/sessions/new", "/training/modules/new");
        browser.signOut();

        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        audit("/", "/triage", "/triage/" + caseId, "/triage/event", "/escalations/" + escalation + "/acknowledge");
        auditAfterFailedSubmit("/triage/event", "/escalations/" + escalation + "/acknowledge");
        browser.signOut();

        browser.signIn(supporter.user().email(), Fixtures.PASSWORD);
        audit("/", "/cases", "/cases/" + caseId, "/cases/" + caseId + "/contact", "/contacts", "/contacts/check-in",
                "/my/training");
        auditAfterFailedSubmit("/cases/" + caseId + "/contact", "/contacts/check-in");
        browser.signOut();

        browser.signIn(physician.email(), Fixtures.PASSWORD);
        audit("/", "/referrals/new", "/referrals/mine", "/referrals/received");
        auditAfterFailedSubmit("/referrals/new");
        browser.signOut();

        List<String> unaudited = unaudited();
        org.assertj.core.api.SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(violations).as("WCAG 2.2 A and AA violations").isEmpty();
            softly.assertThat(unaudited).as("GET mappings with no audited page (audit them here, or say why they are"
                    + " not pages)").isEmpty();
        });
    }

    /** The sign-in page's password step only. */
    private void password(String email) {
        browser.open("/login");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), Fixtures.PASSWORD);
        browser.find(By.cssSelector("main form button[type=submit]")).click();
    }

    private void audit(String... paths) {
        for (String path : paths) {
            browser.open(path);
            auditCurrent(path);
        }
    }

    /** Opens the form, sends it as it is, and audits the page that says what is wrong. */
    private void auditAfterFailedSubmit(String... paths) {
        for (String path : paths) {
            browser.open(path);
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
            browser.find(By.cssSelector("main form[method=post] button[type=submit]:not(.btn-link)")).click();
            browser.waitUntil(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.id("error-summary")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .alert-danger"))));
            auditCurrent(path + " (after a failed submit)");
        }
    }

    private void auditCurrent(String name) {
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        audited.add(name.replaceFirst(" \\(.*", "").replaceFirst("\\?.*", ""));
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.driver().manage().window().setSize(size);
            Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
            assertThat(results.isErrored()).as("axe ran on " + name).isFalse();
            for (Rule rule : results.getViolations()) {
                if (ACCEPTED.containsKey(rule.getId())) {
                    continue;
                }
                List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                        .limit(5).toList();
                violations.add(name + " at " + size.getWidth() + " px: " + rule.getId() + " (" + rule.getImpact()
                        + ") " + rule.getHelp() + " " + targets);
            }
        }
        browser.driver().manage().window().setSize(DESKTOP);
    }

    /** The app's GET mappings that no audited path matches and that are not listed as files or fragments. */
    private List<String> unaudited() {
        List<String> missing = new ArrayList<>();
        assertThat(mappings.getHandlerMethods().keySet().stream().flatMap(info -> info.getPatternValues().stream()))
                .as("the app's own mappings are the ones checked").contains("/triage/{id}", "/s/{token}", "/error")
                .hasSizeGreaterThan(60);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                boolean seen = audited.stream().anyMatch(path -> PathPatternParser.defaultInstance.parse(pattern)
                        .matches(PathContainer.parsePath(path)));
                if (!seen && !NOT_PAGES.containsKey(pattern)) {
                    missing.add(pattern);
                }
            }
        }
        return missing;
    }
}
