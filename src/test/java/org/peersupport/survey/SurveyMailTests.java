package org.peersupport.survey;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.peersupport.survey.SurveyDriver.Opened;
import org.peersupport.survey.domain.Token;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and reminders go out over SMTP to a real mail server in the test JVM. The e-mail
 * holds a link and kind words only; the database holds only the hash of the link's token; the
 * log holds neither.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SurveyMailTests {

    @org.springframework.beans.factory.annotation.Value("${peersupport.base-url}")
    String baseUrl;


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
    RosterService roster;

    @Autowired
    JdbcTemplate jdbc;

    SurveyDriver surveys;

    Place place;

    @BeforeEach
    void setUp() {
        surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        place = fixtures.hospital();
    }

    @Test
    void opening_queues_the_invitations_and_the_mailer_sends_them_over_smtp(CapturedOutput output) throws Exception {
        String first = Fixtures.uniqueEmail("ada");
        String second = Fixtures.uniqueEmail("ben");
        long firstId = fixtures.physician(place.departmentId(), first);
        fixtures.physician(place.departmentId(), second);
        String inactive = Fixtures.uniqueEmail("gone");
        long inactiveId = fixtures.physician(place.departmentId(), inactive);
        var gone = roster.physician(inactiveId).orElseThrow();
        roster.change(inactiveId, new org.peersupport.organization.PhysicianDetails(gone.name(), gone.email(), null,
                place.departmentId(), null, null, false), roster.version(inactiveId), HospitalScope.everything());
        UUID id = surveys.draft(place, List.of(place.departmentId()));

        assertThat(campaigns.open(id, HospitalScope.everything())).isEqualTo(2);
        assertThat(TestMail.to(first)).as("nothing is sent in the request").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ? "
                + "and token_hash is null and mail_state = 'QUEUED'", Integer.class, id))
                .as("queued with no token: tokens are made when sending").isEqualTo(2);
        CampaignView queued = campaigns.campaign(id, HospitalScope.everything());
        assertThat(queued.progress()).isEqualTo(new MailProgress(2, 0, 0));
        assertThat(queued.departments()).singleElement().extracting(CampaignView.DepartmentLine::invited)
                .isEqualTo(2);

        assertThat(mailer.sendQueued()).isEqualTo(2);
        assertThat(campaigns.campaign(id, HospitalScope.everything()).progress()).isEqualTo(new MailProgress(0, 2, 0));
        assertThat(TestMail.to(inactive)).isEmpty();

        List<MimeMessage> messages = TestMail.to(first);
        assertThat(messages).hasSize(1);
        MimeMessage message = messages.get(0);
        String body = SurveyDriver.body(message);
        String token = SurveyDriver.token(first);
        assertThat(message.getSubject()).isEqualTo("A short, anonymous survey about the peer support program");
        assertThat(body).contains(baseUrl + "/s/" + token).contains("anonymous");
        // Nothing about the person, the department, the hospital or the campaign.
        String name = roster.physician(firstId).orElseThrow().name();
        CampaignView campaign = campaigns.campaign(id, HospitalScope.everything());
        assertThat(body).doesNotContain(name).doesNotContain(place.hospitalName())
                .doesNotContain(campaign.departments().get(0).name()).doesNotContain(campaign.title())
                .doesNotContain(first);
        assertThat(token).hasSize(43);
        assertThat(SurveyDriver.token(second)).isNotEqualTo(token);

        // The database has the SHA-256 of the token, and the token nowhere.
        String hash = HexFormat.of().formatHex(Token.hashOf(token).orElseThrow());
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where encode(token_hash, 'hex') = ?",
                Integer.class, hash)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation i where i::text like ?", Integer.class,
                "%" + token + "%")).isZero();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(SurveyDriver.token(second));
    }

    @Test
    void a_reminder_reaches_everyone_invited_so_it_tells_nobody_who_answered_and_the_old_link_still_works(
            CapturedOutput output) {
        Opened campaign = surveys.opened(place, 3);
        String answered = campaign.emails().get(0);
        assertThat(answering.submit(SurveyDriver.token(answered),
                SurveyDriver.parameters(surveys.answers(false, null)))).isInstanceOf(Submission.Saved.class);

        // Everyone, answered or not: the count and the recipients say nothing about who answered.
        assertThat(campaigns.remind(campaign.id(), HospitalScope.everything())).isEqualTo(3);
        assertThat(campaigns.campaign(campaign.id(), HospitalScope.everything()).progress().queued()).isEqualTo(3);
        assertThat(mailer.sendQueued()).isEqualTo(3);

        assertThat(TestMail.to(answered)).hasSize(2);
        assertThat(SurveyDriver.body(TestMail.to(answered).get(1))).contains("If you have already answered, thank you");
        // The person who answered cannot answer again with the reminder's link.
        assertThat(answering.form(SurveyDriver.tokens(answered).get(1))).isEmpty();
        String waiting = campaign.emails().get(1);
        List<MimeMessage> mails = TestMail.to(waiting);
        assertThat(mails).hasSize(2);
        assertThat(SurveyDriver.tokens(waiting)).hasSize(2).doesNotHaveDuplicates();
        assertThat(SurveyDriver.body(mails.get(1))).contains("The link in the earlier e-mail works too");

        // The first link still opens the survey; once used, the second does not.
        String firstLink = SurveyDriver.tokens(waiting).get(0);
        String secondLink = SurveyDriver.tokens(waiting).get(1);
        assertThat(answering.form(firstLink)).isPresent();
        assertThat(answering.submit(firstLink, SurveyDriver.parameters(surveys.answers(true, null))))
                .isInstanceOf(Submission.Saved.class);
        assertThat(answering.form(secondLink)).isEmpty();
        assertThat(answering.submit(secondLink, SurveyDriver.parameters(surveys.answers(true, null))))
                .isInstanceOf(Submission.Unavailable.class);

        // A second reminder the same day is refused; the coordinator never sees who was reminded.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> campaigns.remind(campaign.id(),
                HospitalScope.everything())).isInstanceOf(org.peersupport.shared.RuleViolationException.class)
                .extracting("messageKey").isEqualTo("campaign.error.reminderTooSoon");
        assertThat(output.getAll()).doesNotContain(firstLink).doesNotContain(secondLink);
    }

    @Test
    void a_roster_email_changed_after_opening_never_redirects_an_invitation_or_a_reminder() {
        Opened campaign = surveys.opened(place, 2);
        String original = campaign.emails().get(0);
        long physicianId = roster.physicianByEmail(original).orElseThrow().id();
        var physician = roster.physician(physicianId).orElseThrow();
        String redirected = Fixtures.uniqueEmail("coordinators.own");
        roster.change(physicianId, new org.peersupport.organization.PhysicianDetails(physician.name(), redirected,
                null, place.departmentId(), null, null, true), roster.version(physicianId), HospitalScope.everything());

        campaigns.remind(campaign.id(), HospitalScope.everything());
        mailer.sendQueued();

        assertThat(TestMail.to(redirected)).isEmpty();
        assertThat(TestMail.to(original)).hasSize(2);
    }

    @Test
    void an_app_stopped_mid_batch_resends_with_a_new_link_after_the_lease() {
        Opened campaign = surveys.opened(place, 1);
        String email = campaign.emails().get(0);
        String delivered = SurveyDriver.token(email);
        campaigns.remind(campaign.id(), HospitalScope.everything());
        // As if the app had stored the reminder's hash, then stopped before the e-mail went out.
        jdbc.update("update survey_invitation set mail_state = 'SENDING', sending_since = now() - interval '1 hour', "
                + "previous_token_hash = token_hash, token_hash = ? where campaign_id = ?",
                Token.generate().hash(), campaign.id());

        assertThat(mailer.sendQueued()).isEqualTo(1);
        List<String> tokens = SurveyDriver.tokens(email);
        assertThat(tokens).hasSize(2);
        assertThat(answering.form(tokens.get(1))).isPresent();
        assertThat(answering.form(delivered)).as("the delivered link keeps working").isPresent();
    }

    @Test
    void closing_deletes_the_invitations_and_keeps_the_counts() {
        Opened campaign = surveys.opened(place, 2);
        answering.submit(SurveyDriver.token(campaign.emails().get(0)),
                SurveyDriver.parameters(surveys.answers(false, null)));
        campaigns.close(campaign.id(), HospitalScope.everything());
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                campaign.id())).isZero();
        CampaignView closed = campaigns.campaign(campaign.id(), HospitalScope.everything());
        assertThat(closed.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(closed.progress()).isEqualTo(new MailProgress(0, 2, 0));
        assertThat(jdbc.queryForObject("select count(*) from survey_response where campaign_id = ?", Integer.class,
                campaign.id())).isEqualTo(1);
        assertThat(mailer.sendQueued()).isZero();
    }

    @Test
    void nothing_is_sent_for_a_closed_campaign_even_if_queued() {
        String email = Fixtures.uniqueEmail("late");
        fixtures.physician(place.departmentId(), email);
        UUID id = surveys.draft(place, List.of(place.departmentId()));
        campaigns.open(id, HospitalScope.everything());
        campaigns.close(id, HospitalScope.everything());
        mailer.sendQueued();
        assertThat(TestMail.to(email)).isEmpty();
    }
}
