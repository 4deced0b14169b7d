package org.peersupport.survey;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.TestMail;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs surveys for the tests through the real services: a campaign on the built-in template, its
 * invitations sent over SMTP to the test mail server, and the links read back from the messages.
 */
public final class SurveyDriver {

    /** The family of the built-in program evaluation template (V21). */
    public static final String PROGRAM_EVALUATION = "6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b";

    public static final Pattern LINK = Pattern.compile("https?://[^\\s]+/s/([A-Za-z0-9_-]{43})");

    private final CampaignService campaigns;

    private final InvitationMailer mailer;

    private final SurveyTemplateService templates;

    private final Fixtures fixtures;

    private final JdbcTemplate jdbc;

    public SurveyDriver(CampaignService campaigns, InvitationMailer mailer, SurveyTemplateService templates,
            Fixtures fixtures, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.mailer = mailer;
        this.templates = templates;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    public long programEvaluation() {
        Long id = jdbc.queryForObject("select id from survey_template where family = ?::uuid and revision = 1",
                Long.class, PROGRAM_EVALUATION);
        return id == null ? 0 : id;
    }

    public TemplateView template() {
        return templates.template(programEvaluation());
    }

    public UUID draft(Place place, List<Long> departmentIds) {
        LocalDate today = campaigns.today(place.hospitalId());
        return campaigns.create(new NewCampaign(Fixtures.unique("Evaluation"), programEvaluation(), place.hospitalId(),
                departmentIds, today, today.plusDays(14)), HospitalScope.everything());
    }

    /** A campaign for the place's department, with that many physicians, opened and its e-mails sent. */
    public Opened opened(Place place, int physicians) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < physicians; i++) {
            String email = Fixtures.uniqueEmail("invitee");
            fixtures.physician(place.departmentId(), email);
            emails.add(email);
        }
        UUID id = draft(place, List.of(place.departmentId()));
        campaigns.open(id, HospitalScope.everything());
        mailer.sendQueued();
        return new Opened(id, emails);
    }

    public record Opened(UUID id, List<String> emails) {
    }

    /** The survey tokens in the e-mails that reached this address, oldest first. */
    public static List<String> tokens(String email) {
        List<String> tokens = new ArrayList<>();
        for (MimeMessage message : TestMail.to(email)) {
            Matcher matcher = LINK.matcher(body(message));
            while (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }

    public static String token(String email) {
        List<String> tokens = tokens(email);
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no survey e-mail reached " + email);
        }
        return tokens.get(tokens.size() - 1);
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        }
        catch (IOException | MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A complete, valid set of answers to the program evaluation, as form fields. */
    public Map<String, String> answers(boolean hadInteraction, String comment) {
        List<QuestionView> questions = template().questions();
        Map<String, String> answers = new HashMap<>();
        answers.put(questions.get(0).field(), hadInteraction ? "1" : "0");
        answers.put(questions.get(1).field(), "1");
        if (hadInteraction) {
            answers.put(questions.get(2).field(), "4");
            answers.put(questions.get(3).field(), "5");
            answers.put(questions.get(4).field(), "3");
        }
        answers.put(questions.get(5).field(), "4");
        if (comment != null) {
            answers.put(questions.get(6).field(), comment);
        }
        return answers;
    }

    public static Map<String, String[]> parameters(Map<String, String> answers) {
        Map<String, String[]> parameters = new HashMap<>();
        answers.forEach((k, v) -> parameters.put(k, new String[] {v}));
        return parameters;
    }
}
