package org.peersupport.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.TriageService;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.peersupport.supporter.SupporterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Contacts through the pages, on the real database: logging on a case and the first-contact clock,
 * the escalation a red flag forces and the coordinators' e-mail, hostile and repeated input,
 * closing rules, proactive check-ins, follow-ups, and who may read what.
 */
@IntegrationTest
class InteractionWorkflowTests {

    /** The badge itself, not the "escalated to a higher level of care" outcome in the close form. */
    static final String BADGE = "class=\"badge text-bg-warning\">Escalated</span>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referralService;

    @Autowired
    TriageService triage;

    @Autowired
    ResourceService resources;

    @Autowired
    OrganizationService organization;

    @Autowired
    InteractionJobs jobs;

    @Autowired
    org.peersupport.interaction.InteractionService interactions;

    @Autowired
    SupporterService supporters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    CaseFlow cases;

    Place place;

    CurrentUser coordinator;

    CertifiedSupporter supporter;

    long colleague;

    UUID caseId;

    long resource;

    @BeforeEach
    void setUp() {
        cases = new CaseFlow(referralService, triage, jdbc);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
        supporter = fixtures.certifiedSupporter(place.departmentId());
        colleague = fixtures.physician(place.departmentId());
        caseId = cases.assigned(fixtures.physicianUser(place.departmentId()), colleague, "Context " + UUID.randomUUID(),
                supporter.id(), coordinator);
        resource = resources.add(new ResourceDetails(place.hospitalId(), Fixtures.unique("Employee assistance"),
                ResourceKind.EAP, "555 0100", null, "Any time", 1, true), HospitalScope.everything());
    }

    // --- Logging on a case ---

    @Test
    void a_connected_contact_moves_the_case_to_contacted_and_keeps_the_note_apart() {
        String when = local(fixtures.now());
        MvcTestResult result = post("/cases/" + caseId + "/contact", supporter.user(),
                contact(when).with("note", "Talked after the shift; felt heard."));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/cases/" + caseId);

        assertThat(cases.status(caseId)).isEqualTo("CONTACTED");
        Map<String, Object> row = jdbc.queryForMap("select * from interaction where referral_id = ?", caseId);
        assertThat(row).containsEntry("mode", "PHONE").containsEntry("minutes", 30)
                .containsEntry("outcome", "CONNECTED").containsEntry("red_flag", false)
                .containsEntry("supporter_id", supporter.id()).containsEntry("physician_id", colleague)
                .containsEntry("hospital_id", place.hospitalId()).containsEntry("department_id", place.departmentId());
        Instant firstContact = jdbc.queryForObject("select first_contact_at from referral where id = ?",
                java.sql.Timestamp.class, caseId).toInstant();
        assertThat(firstContact).isEqualTo(LocalDateTime.parse(when).atZone(zone()).toInstant());
        assertThat(jdbc.queryForObject("select body from interaction_note where interaction_id = ?", String.class,
                row.get("id"))).isEqualTo("Talked after the shift; felt heard.");
        // The author reads it on the case.
        assertThat(mvc.get().uri("/cases/{id}", caseId).with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains("Talked after the shift; felt heard.", "Connected", "30 min");
    }

    @Test
    void a_red_flag_without_escalation_is_refused_with_both_messages_and_what_was_typed_stays() {
        Form form = contact(local(fixtures.now())).with("redFlags", "SEVERE_DISTRESS")
                .with("note", "Keep this text");
        MvcTestResult result = post("/cases/" + caseId + "/contact", supporter.user(), form);
        assertThat(result).hasStatusOk().bodyText().contains("A red flag needs at least one resource.",
                "Say what was done.", "resourceIds-error", "action-error", "Keep this text");
        assertThat(cases.contactsOn(caseId)).isZero();
        assertThat(cases.status(caseId)).isEqualTo("ASSIGNED");
    }

    @Test
    void a_red_flag_with_a_resource_escalates_and_tells_the_coordinators_nothing_but_a_link() throws Exception {
        String note = "Note " + UUID.randomUUID();
        Form form = contact(local(fixtures.now())).with("redFlags", "SELF_HARM")
                .with("resourceIds", String.valueOf(resource)).with("action", "WARM_HANDOFF").with("note", note);
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), form)).hasStatus(HttpStatus.FOUND);

        Map<String, Object> row = jdbc.queryForMap("select * from interaction where referral_id = ?", caseId);
        assertThat(row).containsEntry("red_flag", true).containsEntry("escalation_action", "WARM_HANDOFF");
        assertThat(jdbc.queryForList("select resource_id from interaction_resource where interaction_id = ?",
                Long.class, row.get("id"))).containsExactly(resource);
        // Which red flag was seen is nowhere in the row.
        assertThat(row.values().toString()).doesNotContain("SELF_HARM");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TestMail.to(coordinator.email())).extracting(MimeMessage::getSubject)
                        .contains("A contact was escalated"));
        MimeMessage mail = TestMail.to(coordinator.email()).stream()
                .filter(m -> subject(m).equals("A contact was escalated")).findFirst().orElseThrow();
        String text = String.valueOf(mail.getContent());
        assertThat(text).contains("/triage/" + caseId).doesNotContain(note, name(colleague), "self-harm", "Self",
                place.hospitalName());

        // The coordinator sees the case escalated, with the contact's facts and not the note.
        assertThat(mvc.get().uri("/triage").with(user(coordinator))).hasStatusOk().bodyText().contains(BADGE);
        assertThat(mvc.get().uri("/triage/{id}", caseId).with(user(coordinator))).hasStatusOk().bodyText()
                .contains(BADGE, "Warm handoff", "Phone", "30 min").doesNotContain(note);
        assertThat(mvc.get().uri("/escalations").with(user(coordinator))).hasStatusOk().bodyText()
                .contains(name(colleague), "Warm handoff").doesNotContain(note);
    }

    @Test
    void values_that_cannot_be_read_get_messages_by_their_fields_with_the_other_fields_checked_at_once() {
        Form form = contact(local(fixtures.now()), null).with("otherMinutes", "99999999999999999999")
                .with("followUpOn", "2999-99-99").with("note", "x".repeat(1001)).replacing("mode", "NOT_A_MODE");
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), form)).hasStatusOk().bodyText()
                .contains("Enter a whole number, such as 30.", "Enter a date that exists, as year, month and day.",
                        "This value is not valid.", "Use at most 1,000 characters", "error-summary")
                // The date as typed stays in its field, to be corrected.
                .contains("value=\"2999-99-99\"")
                .doesNotContain("Exception");
        assertThat(cases.contactsOn(caseId)).isZero();
    }

    @Test
    void bad_input_gets_a_message_next_to_its_field_and_saves_nothing() {
        Instant created = jdbc.queryForObject("select created_at from referral where id = ?", java.sql.Timestamp.class,
                caseId).toInstant();
        String now = local(fixtures.now());
        Map<String, MultiValueMap<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("The contact cannot be in the future.", contact(local(fixtures.now().plus(Duration.ofHours(3)))));
        cases.put("The contact cannot be before the case was given to you.",
                contact(local(created.minus(Duration.ofDays(1)))));
        cases.put("Enter a date and time such as", contact("yesterday evening"));
        cases.put("Choose or enter a duration from 1 to 1,440 minutes.", contact(now, "0"));
        cases.put("Enter a number no greater than 1,440", contact(now, null).with("otherMinutes", "1441"));
        cases.put("Enter a number of at least 1", contact(now, null).with("otherMinutes", "0"));
        cases.put("Use at most 1,000 characters", contact(now).with("note", "x".repeat(1001)));
        cases.put("Use at most 1,000 characters.", contact(now).with("note", "<script>".repeat(131_072)));
        cases.put("Choose only resources listed here.", contact(now).with("redFlags", "OTHER")
                .with("resourceIds", String.valueOf(otherHospitalsResource())).with("action", "ADVISED"));
        cases.put("This value is not valid.", contact(now).with("redFlags", "OTHER").with("resourceIds", "1; drop table x")
                .with("action", "ADVISED"));
        cases.put("The follow-up date cannot be in the past.", contact(now).with("followUpOn", "2001-01-01"));
        cases.put("Choose how the contact was made.", contact(now).replacing("mode", ""));
        for (var c : cases.entrySet()) {
            assertThat(post("/cases/" + caseId + "/contact", supporter.user(), c.getValue())).as(c.getKey())
                    .hasStatusOk().bodyText().contains(c.getKey(), "error-summary").doesNotContain("Exception");
        }
        assertThat(this.cases.contactsOn(caseId)).isZero();
        assertThat(this.cases.status(caseId)).isEqualTo("ASSIGNED");
    }

    @Test
    void a_script_in_the_note_is_shown_as_text() {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("note", "<script>alert(1)</script>"));
        assertThat(mvc.get().uri("/cases/{id}", caseId).with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void the_same_submission_twice_logs_one_contact() {
        MultiValueMap<String, String> form = contact(local(fixtures.now()));
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), form)).hasStatus(HttpStatus.FOUND);
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), form)).hasStatus(HttpStatus.FOUND);
        assertThat(cases.contactsOn(caseId)).isEqualTo(1);
    }

    @Test
    void another_supporters_case_is_a_404_and_nothing_is_saved() {
        CertifiedSupporter other = fixtures.certifiedSupporter(place.departmentId());
        assertThat(mvc.get().uri("/cases/{id}/contact", caseId).with(user(other.user())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/cases/" + caseId + "/contact", other.user(), contact(local(fixtures.now()))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/cases/" + UUID.randomUUID() + "/contact", other.user(), contact(local(fixtures.now()))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(cases.contactsOn(caseId)).isZero();
    }

    // --- Closing ---

    @Test
    void no_response_needs_two_unanswered_attempts_then_the_case_closes_once() {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .replacing("outcome", "NO_RESPONSE"));
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "NO_RESPONSE")))
                .hasStatusOk().bodyText().contains("No response needs at least 2 unanswered attempts logged; 1 so far.");
        assertThat(cases.status(caseId)).isEqualTo("CONTACTED");

        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .replacing("outcome", "NO_RESPONSE"));
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "NO_RESPONSE")))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/cases");
        assertThat(jdbc.queryForMap("select status, outcome from referral where id = ?", caseId))
                .containsEntry("status", "CLOSED").containsEntry("outcome", "NO_RESPONSE");

        // Closing again: the case is gone from the supporter's list, and nothing changes.
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "SUPPORTED")))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/cases");
        assertThat(jdbc.queryForObject("select outcome from referral where id = ?", String.class, caseId))
                .isEqualTo("NO_RESPONSE");
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_supporter_cannot_close_as_duplicate_or_without_an_outcome() {
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "DUPLICATE")))
                .hasStatusOk().bodyText().contains("Choose one of the outcomes listed.");
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "")))
                .hasStatusOk().bodyText().contains("Choose a value.");
        assertThat(cases.status(caseId)).isEqualTo("ASSIGNED");
    }

    // --- Check-ins ---

    @Test
    void the_check_in_picker_tells_namesakes_apart_by_their_e_mail() {
        String firstEmail = Fixtures.uniqueEmail("namesake");
        String secondEmail = Fixtures.uniqueEmail("namesake");
        long first = fixtures.physician(place.departmentId(), firstEmail);
        long second = fixtures.physician(place.departmentId(), secondEmail);
        long alone = fixtures.physician(place.departmentId());
        String shared = Fixtures.unique("Alex Namesake");
        jdbc.update("update physician set name = ? where id in (?, ?)", shared, first, second);
        assertThat(mvc.get().uri("/contacts/check-in").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains(">" + shared + " · " + firstEmail + "<", ">" + shared + " · " + secondEmail + "<",
                        ">" + name(alone) + "<");
    }

    @Test
    void a_check_in_with_a_colleague_of_a_served_department_counts_like_any_contact() {
        long other = fixtures.physician(place.departmentId());
        assertThat(mvc.get().uri("/contacts/check-in").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains(name(other)).doesNotContain(">" + name(supporter.physicianId()) + "<");
        assertThat(post("/contacts/check-in", supporter.user(), contact(local(fixtures.now()))
                .with("physicianId", String.valueOf(other)))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/contacts");
        assertThat(jdbc.queryForMap("select referral_id, physician_id, outcome from interaction where physician_id = ?",
                other)).containsEntry("referral_id", null).containsEntry("outcome", "CONNECTED");
    }

    @Test
    void a_check_in_outside_the_served_departments_or_with_oneself_is_refused() {
        long elsewhere = fixtures.physician(fixtures.hospital().departmentId());
        for (String id : List.of(String.valueOf(elsewhere), String.valueOf(supporter.physicianId()), "999999999", "")) {
            assertThat(post("/contacts/check-in", supporter.user(), contact(local(fixtures.now()))
                    .with("physicianId", id))).as(id).hasStatusOk().bodyText()
                    .contains("Choose a colleague of a department you serve.");
        }
        assertThat(jdbc.queryForObject("select count(*) from interaction where supporter_id = ?", Integer.class,
                supporter.id())).isZero();
    }

    // --- Follow-ups ---

    @Test
    void a_follow_up_today_is_listed_then_mailed_once_and_a_later_contact_answers_it() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("followUpOn", today.toString()));
        assertThat(mvc.get().uri("/contacts").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains(name(colleague), "Due");

        // Late enough in every zone that 07:00 has passed wherever the hospital is: the test hospital's zone.
        Instant evening = today.atTime(20, 0).atZone(zone()).toInstant();
        jobs.remindFollowUps(evening);
        jobs.remindFollowUps(evening);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TestMail.to(supporter.user().email()))
                .extracting(MimeMessage::getSubject).contains("Follow-ups due today"));
        List<MimeMessage> reminders = TestMail.to(supporter.user().email()).stream()
                .filter(m -> subject(m).equals("Follow-ups due today")).toList();
        assertThat(reminders).hasSize(1);
        assertThat(String.valueOf(reminders.get(0).getContent())).contains("/contacts").doesNotContain(name(colleague));

        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())));
        assertThat(mvc.get().uri("/contacts").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains("No follow-up planned.");
    }

    @Test
    void a_follow_up_stays_through_a_contact_made_before_it_is_due_and_gives_way_to_a_newer_one() {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("followUpOn", today.plusDays(3).toString()));
        // A message the same hour that went unanswered: the plan to call in three days stands.
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .replacing("mode", "MESSAGE").replacing("outcome", "NO_RESPONSE"));
        assertThat(jdbc.queryForObject("select count(*) from interaction where referral_id = ?", Integer.class,
                caseId)).isEqualTo(2);
        assertThat(interactions.followUps(supporter.user())).singleElement()
                .satisfies(f -> assertThat(f.on()).isEqualTo(today.plusDays(3)));
        assertThat(mvc.get().uri("/contacts").with(user(supporter.user()))).hasStatusOk().bodyText()
                .doesNotContain("No follow-up planned.");

        // A contact with a follow-up of its own replaces the plan: the newer one is listed alone.
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("followUpOn", today.plusDays(5).toString()));
        assertThat(interactions.followUps(supporter.user())).singleElement()
                .satisfies(f -> assertThat(f.on()).isEqualTo(today.plusDays(5)));
    }

    @Test
    void a_retired_supporter_is_not_reminded_of_follow_ups() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("followUpOn", today.toString()));
        long other = fixtures.physician(place.departmentId());
        post("/contacts/check-in", supporter.user(), contact(local(fixtures.now()))
                .with("physicianId", String.valueOf(other)).with("followUpOn", today.toString()));
        triage.close(caseId, org.peersupport.referral.Outcome.WITHDRAWN, cases.version(caseId), coordinator);
        supporters.changeStatus(supporter.id(), SupporterService.StatusChange.RETIRE, null,
                supporters.supporter(supporter.id(), HospitalScope.everything()).version(), HospitalScope.everything());

        jobs.remindFollowUps(today.atTime(20, 0).atZone(zone()).toInstant());
        assertThat(jdbc.queryForObject("select count(*) from follow_up_notice where supporter_id = ?", Integer.class,
                supporter.id())).isZero();
    }

    // --- Who sees what ---

    @Test
    void only_supporters_reach_their_contacts_and_only_coordinators_and_administrators_the_escalations() {
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        assertThat(mvc.get().uri("/contacts").with(user(coordinator))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/contacts/check-in").with(user(fixtures.admin()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/cases/{id}/contact", caseId).with(user(coordinator))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/escalations").with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/escalations").with(user(supporter.user()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/escalations").with(user(fixtures.admin()))).hasStatusOk();
    }

    @Test
    void a_coordinator_acknowledges_an_escalation_once_with_a_note_of_what_was_done() throws Exception {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("redFlags", "OTHER")
                .with("resourceIds", String.valueOf(resource)).with("action", "ADVISED"));
        UUID escalation = jdbc.queryForObject("select id from interaction where referral_id = ?", UUID.class, caseId);
        String acknowledge = "/escalations/" + escalation + "/acknowledge";
        assertThat(mvc.get().uri("/escalations?open=true").with(user(coordinator))).hasStatusOk().bodyText()
                .contains(name(colleague), "href=\"" + acknowledge + "\"");
        assertThat(mvc.get().uri(acknowledge).with(user(coordinator))).hasStatusOk().bodyText()
                .contains(name(colleague), "What was done");

        // A note is needed, and a short one; what was typed stays.
        assertThat(post(acknowledge, coordinator, new Form().with("note", "  "))).hasStatusOk().bodyText()
                .contains("Enter a value.");
        assertThat(post(acknowledge, coordinator, new Form().with("note", "x".repeat(501)))).hasStatusOk()
                .bodyText().contains("Use at most 500 characters.", "x".repeat(501));
        assertThat(jdbc.queryForObject("select count(*) from escalation_acknowledgement where interaction_id = ?",
                Integer.class, escalation)).isZero();

        String note = "Called the department chief; EAP offered <b>today</b>.";
        assertThat(post(acknowledge, coordinator, new Form().with("note", note))).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/escalations?open=true");
        assertThat(jdbc.queryForMap("select account_id, note from escalation_acknowledgement where interaction_id = ?",
                escalation)).containsEntry("account_id", coordinator.accountId()).containsEntry("note", note);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = 'ACKNOWLEDGE'"
                + " and record_id = ?", Integer.class, coordinator.accountId(), escalation.toString())).isOne();
        assertThat(mvc.get().uri("/escalations?open=true").with(user(coordinator))).hasStatusOk().bodyText()
                .doesNotContain(name(colleague)).contains("Every escalation has been acknowledged.");
        assertThat(mvc.get().uri("/escalations").with(user(coordinator))).hasStatusOk().bodyText()
                .contains(name(colleague), "By " + coordinator.displayName(),
                        "Called the department chief; EAP offered &lt;b&gt;today&lt;/b&gt;.")
                .doesNotContain("href=\"" + acknowledge + "\"");

        // Once: a second coordinator of the hospital is told, and nothing changes.
        CurrentUser second = fixtures.coordinator(place.hospitalId());
        assertThat(post(acknowledge, second, new Form().with("note", "Again"))).hasStatusOk().bodyText()
                .contains("By " + coordinator.displayName());
        assertThat(jdbc.queryForObject("select note from escalation_acknowledgement where interaction_id = ?",
                String.class, escalation)).isEqualTo(note);
    }

    @Test
    void only_the_hospitals_coordinators_acknowledge_and_only_an_escalation() {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("redFlags", "OTHER")
                .with("resourceIds", String.valueOf(resource)).with("action", "ADVISED"));
        UUID escalation = jdbc.queryForObject("select id from interaction where referral_id = ?", UUID.class, caseId);
        long other = fixtures.physician(place.departmentId());
        UUID otherCase = cases.assigned(fixtures.physicianUser(place.departmentId()), other, null, supporter.id(),
                coordinator);
        post("/cases/" + otherCase + "/contact", supporter.user(), contact(local(fixtures.now())));
        UUID plain = jdbc.queryForObject("select id from interaction where referral_id = ?", UUID.class, otherCase);
        CurrentUser elsewhere = fixtures.coordinator(fixtures.hospital().hospitalId());

        for (UUID id : List.of(escalation, plain, UUID.randomUUID())) {
            CurrentUser who = id.equals(escalation) ? elsewhere : coordinator;
            assertThat(mvc.get().uri("/escalations/{id}/acknowledge", id).with(user(who)))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post("/escalations/" + id + "/acknowledge", who, new Form().with("note", "Done")))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(post("/escalations/" + escalation + "/acknowledge", supporter.user(),
                new Form().with("note", "Done"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/escalations/not-a-uuid/acknowledge").with(user(coordinator)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from escalation_acknowledgement where interaction_id in (?, ?)",
                Integer.class, escalation, plain)).isZero();
    }

    @Test
    void another_hospitals_coordinator_sees_neither_the_escalation_nor_the_case() {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("redFlags", "OTHER")
                .with("resourceIds", String.valueOf(resource)).with("action", "ADVISED"));
        CurrentUser elsewhere = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(mvc.get().uri("/escalations").with(user(elsewhere))).hasStatusOk().bodyText()
                .contains("No escalation.").doesNotContain(name(colleague));
        assertThat(mvc.get().uri("/triage/{id}", caseId).with(user(elsewhere))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void no_note_reaches_a_coordinator_or_an_administrator_through_any_page_or_export() throws Exception {
        String note = "Marker " + UUID.randomUUID();
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("note", note)
                .with("redFlags", "OTHER").with("resourceIds", String.valueOf(resource)).with("action", "ADVISED"));
        long other = fixtures.physician(place.departmentId());
        post("/contacts/check-in", supporter.user(), contact(local(fixtures.now())).with("note", note)
                .with("physicianId", String.valueOf(other)));
        assertThat(jdbc.queryForObject("select count(*) from interaction_note where body = ?", Integer.class, note))
                .isEqualTo(2);
        CurrentUser admin = fixtures.admin();
        List<String> pages = List.of("/", "/triage", "/triage?status=CONTACTED", "/triage/" + caseId, "/escalations",
                "/supporters", "/supporters/" + supporter.id(), "/supporters/export.csv", "/roster",
                "/roster/" + colleague, "/roster/export.csv", "/training/coverage", "/resources");
        for (CurrentUser reader : List.of(coordinator, admin)) {
            for (String page : pages) {
                MvcTestResult result = mvc.get().uri(page).with(user(reader)).exchange();
                assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
                assertThat(result.getResponse().getContentAsString()).as(page).doesNotContain(note);
            }
        }
        MvcTestResult audit = mvc.get().uri("/admin/audit").with(user(admin)).exchange();
        assertThat(audit.getResponse().getStatus()).isEqualTo(200);
        assertThat(audit.getResponse().getContentAsString()).doesNotContain(note);
    }

    @Test
    void every_read_of_a_contact_is_audited_without_its_content() {
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("note", "Private")
                .with("redFlags", "OTHER").with("resourceIds", String.valueOf(resource)).with("action", "ADVISED"));
        String id = jdbc.queryForObject("select id::text from interaction where referral_id = ?", String.class, caseId);
        mvc.get().uri("/cases/{id}", caseId).with(user(supporter.user())).exchange();
        mvc.get().uri("/contacts").with(user(supporter.user())).exchange();
        mvc.get().uri("/triage/{id}", caseId).with(user(coordinator)).exchange();
        mvc.get().uri("/escalations").with(user(coordinator)).exchange();
        List<Map<String, Object>> entries = jdbc.queryForList(
                "select account_id, action from audit_entry where record_type = 'interaction' "
                        + "and (record_id = ? or record_ids @> array[?]::varchar[]) order by id", id, id);
        assertThat(entries).extracting(e -> e.get("account_id") + " " + e.get("action")).containsExactly(
                supporter.user().accountId() + " LOG", supporter.user().accountId() + " VIEW",
                supporter.user().accountId() + " VIEW", coordinator.accountId() + " LIST",
                coordinator.accountId() + " LIST");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_id like '%Private%' "
                + "or action like '%Private%'", Integer.class)).isZero();
    }

    @Test
    void after_a_reassignment_the_first_supporter_is_locked_out_and_the_second_never_reads_their_note() {
        String note = "Note of the first supporter " + UUID.randomUUID();
        LocalDate tomorrow = LocalDate.now(clock.withZone(zone())).plusDays(1);
        post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now())).with("note", note)
                .with("followUpOn", tomorrow.toString()));
        assertThat(mvc.get().uri("/contacts").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains(name(colleague), note);

        CertifiedSupporter second = fixtures.certifiedSupporter(place.departmentId());
        triage.assign(caseId, second.id(), cases.version(caseId), coordinator);

        assertThat(mvc.get().uri("/cases/{id}/contact", caseId).with(user(supporter.user())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/cases/" + caseId + "/close", supporter.user(), params("outcome", "SUPPORTED")))
                .hasStatus(HttpStatus.NOT_FOUND);
        // The first supporter keeps their own log, with their note, but the case's follow-up has left their list.
        assertThat(mvc.get().uri("/contacts").with(user(supporter.user()))).hasStatusOk().bodyText()
                .contains(note, "No follow-up planned.");

        // The second supporter sees that a contact happened, and neither the note nor the follow-up date.
        assertThat(mvc.get().uri("/cases/{id}", caseId).with(user(second.user()))).hasStatusOk().bodyText()
                .contains("Phone", "30 min", "Connected").doesNotContain(note, "Follow up on");
        assertThat(cases.status(caseId)).isEqualTo("CONTACTED");
    }

    @Test
    void another_supporters_submission_key_saves_nothing_and_says_so() {
        MultiValueMap<String, String> form = contact(local(fixtures.now()));
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), form)).hasStatus(HttpStatus.FOUND);
        CertifiedSupporter other = fixtures.certifiedSupporter(place.departmentId());
        long otherColleague = fixtures.physician(place.departmentId());
        UUID otherCase = cases.assigned(fixtures.physicianUser(place.departmentId()), otherColleague, null, other.id(),
                coordinator);
        // The same key on another supporter's submit: refused, not reported as saved.
        assertThat(post("/cases/" + otherCase + "/contact", other.user(), form)).hasStatus(HttpStatus.CONFLICT);
        assertThat(cases.contactsOn(otherCase)).isZero();
        assertThat(cases.status(otherCase)).isEqualTo("ASSIGNED");
    }

    @Test
    void a_nul_character_in_the_note_is_dropped_and_the_contact_saved() {
        assertThat(post("/cases/" + caseId + "/contact", supporter.user(), contact(local(fixtures.now()))
                .with("note", "before\u0000after"))).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("select n.body from interaction_note n join interaction i "
                + "on i.id = n.interaction_id where i.referral_id = ?", String.class, caseId)).isEqualTo("beforeafter");
    }

    @Test
    void a_check_in_with_an_unserved_department_of_the_same_hospital_is_refused() {
        long unserved = organization.createDepartment(place.hospitalId(), Fixtures.unique("Radiology"),
                HospitalScope.everything());
        long stranger = fixtures.physician(unserved);
        assertThat(mvc.get().uri("/contacts/check-in").with(user(supporter.user()))).hasStatusOk().bodyText()
                .doesNotContain(name(stranger));
        assertThat(post("/contacts/check-in", supporter.user(), contact(local(fixtures.now()))
                .with("physicianId", String.valueOf(stranger)))).hasStatusOk().bodyText()
                .contains("Choose a colleague of a department you serve.");
        assertThat(jdbc.queryForObject("select count(*) from interaction where physician_id = ?", Integer.class,
                stranger)).isZero();
    }

    // --- Helpers ---

    MvcTestResult post(String path, CurrentUser who, MultiValueMap<String, String> form) {
        return mvc.post().uri(path).params(form).with(csrf()).with(user(who)).exchange();
    }

    /** A connected 30-minute phone contact at this local time, with a fresh submission key. */
    static Form contact(String when) {
        return contact(when, "30");
    }

    static Form contact(String when, String minutes) {
        Form form = new Form();
        form.with("when", when).with("mode", "PHONE").with("outcome", "CONNECTED")
                .with("submissionKey", UUID.randomUUID().toString());
        if (minutes != null) {
            form.with("minutes", minutes);
        }
        return form;
    }

    static MultiValueMap<String, String> params(String name, String value) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        map.add(name, value);
        return map;
    }

    String local(Instant at) {
        return LocalDateTime.ofInstant(at, zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    ZoneId zone() {
        return organization.hospital(place.hospitalId()).orElseThrow().timeZone();
    }

    String name(long physicianId) {
        return jdbc.queryForObject("select name from physician where id = ?", String.class, physicianId);
    }

    long otherHospitalsResource() {
        return resources.add(new ResourceDetails(fixtures.hospital().hospitalId(), Fixtures.unique("Chaplaincy"),
                ResourceKind.CHAPLAINCY, "555 0199", null, null, 1, true), HospitalScope.everything());
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Form parameters that read like the form: add() chains, set() replaces. */
    static final class Form extends LinkedMultiValueMap<String, String> {

        Form with(String name, String value) {
            add(name, value);
            return this;
        }

        Form replacing(String name, String value) {
            set(name, value);
            return this;
        }
    }
}
