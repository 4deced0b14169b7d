package org.peersupport.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The program's past, 17 calendar months before this one, written straight to the tables in a few
 * batches: closed cases with their contacts, proactive check-ins, escalations and their
 * acknowledgements, and one closed program evaluation. The services stamp what they write with
 * the present; a history needs the past. Seeded, so every machine gets the same program.
 *
 * <p>The figures follow POST (Tolins et al., PLoS One 2023): the last twelve calendar months, the
 * dashboard's default period, hold {@value #SUCCESSFUL_LAST_TWELVE_MONTHS} successful
 * interactions (the months before are the program's first, slower ones), and the evaluation's
 * {@value #RESPONSES} respondents answer as POST's did: 48.5% had a peer interaction, 85% would
 * recommend the program.
 */
final class DemoHistory {

    /** POST's successful interactions: those of the demo's last twelve months, today's included. */
    static final int SUCCESSFUL_LAST_TWELVE_MONTHS = 306;

    static final int RESPONSES = 200;

    /** 48.5% of the respondents had a peer interaction. */
    static final int HAD_INTERACTION = 97;

    /** 85% would recommend the program to another department. */
    static final int RECOMMEND = 170;

    /** Successful interactions in each of the program's first six months, which the default period leaves out. */
    private static final int[] FIRST_MONTHS = {3, 5, 6, 7, 9, 10};

    /** How busy each of the last eleven whole months was, relative to the others. */
    private static final double[] LATER_MONTHS = {0.9, 1.0, 1.05, 0.95, 1.0, 1.1, 1.0, 0.95, 1.05, 1.0, 1.0};

    private static final String[] SOURCES = {"COLLEAGUE", "COLLEAGUE", "COLLEAGUE", "COLLEAGUE", "LEADER", "LEADER",
        "EVENT", "EVENT", "SELF", "SELF"};

    private static final String[] TRIGGERS = {"ADVERSE_EVENT", "ADVERSE_EVENT", "ADVERSE_EVENT", "PATIENT_DEATH",
        "PATIENT_DEATH", "LITIGATION", "DIFFICULT_INTERACTION", "DIFFICULT_INTERACTION", "BURNOUT", "BURNOUT",
        "BURNOUT", "PERSONAL_OTHER"};

    private static final int[] CONNECTED_MINUTES = {20, 30, 45, 45, 60, 60, 60, 60, 75, 90, 120};

    private static final String[] ESCALATION_ACTIONS = {"ADVISED", "WARM_HANDOFF", "ADVISED", "WARM_HANDOFF",
        "EMERGENCY_SERVICES"};

    private static final String[] COMMENTS = {
        "Knowing that someone from my own department would call made a hard week easier.",
        "I did not think I needed it, and I was wrong. Thank you.",
        "It helped to talk to someone who has been on the same night shifts.",
        "Please keep this going and tell the new residents about it.",
        "The call came the day after the case, which was exactly the right time.",
        "I would like more supporters who work nights.",
        "I referred a colleague and was glad it stayed confidential.",
        "A short conversation, but it changed how I thought about what happened.",
        "Our department talks about these things more openly now.",
        "More information at orientation would help people know this exists.",
        "I was reluctant at first; the supporter made it easy.",
        "Thank you for checking in after the lawsuit was filed.",
        "The text message was a good first step; I called back when I was ready.",
        "It would be good to have this for nurses and advanced practice clinicians too."};

    record Physician(long id, long hospitalId, long departmentId, String email) {
    }

    record Supporter(long id, long hospitalId, long departmentId, LocalDate trainedOn) {
    }

    /** What the history needs to know of the program built before it. */
    record Program(ZoneId zone, LocalDate today, List<Physician> physicians, List<Supporter> supporters,
            Map<Long, List<Long>> resourcesByHospital, Map<Long, Long> acknowledgerByHospital,
            long evaluatedHospitalId, List<Long> evaluatedDepartments, int noteRetentionDays) {
    }

    /** What was written, for the log and the tests. */
    record Written(int referrals, int interactions, int successfulLastTwelveMonths, int escalations,
            int responses) {
    }

    private final JdbcTemplate jdbc;

    private final Random random = new Random(20190601);

    private final List<Object[]> referrals = new ArrayList<>();

    private final List<Object[]> interactions = new ArrayList<>();

    private final List<Object[]> interactionResources = new ArrayList<>();

    private final List<Object[]> acknowledgements = new ArrayList<>();

    private int escalations;

    DemoHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the history. {@code successfulNow}: the successful contacts the demo logs today,
     * which count among the last twelve months' {@value #SUCCESSFUL_LAST_TWELVE_MONTHS}.
     */
    Written write(Program program, int successfulNow) {
        YearMonth thisMonth = YearMonth.from(program.today());
        int later = SUCCESSFUL_LAST_TWELVE_MONTHS - successfulNow;
        int[] targets = monthTargets(later);
        int successfulLater = 0;
        for (int back = 17; back >= 1; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            int target = back >= 12 ? FIRST_MONTHS[17 - back] : targets[11 - back];
            int made = month(program, month, target);
            if (back <= 11) {
                successfulLater += made;
            }
        }
        insert();
        int responses = evaluation(program, thisMonth.minusMonths(4));
        return new Written(referrals.size(), interactions.size(), successfulLater + successfulNow, escalations,
                responses);
    }

    /** The last eleven whole months' successful interactions, adding up to {@code total} exactly. */
    private static int[] monthTargets(int total) {
        double sum = 0;
        for (double weight : LATER_MONTHS) {
            sum += weight;
        }
        int[] targets = new int[LATER_MONTHS.length];
        int given = 0;
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (int) Math.round(total * LATER_MONTHS[i] / sum);
            given += targets[i];
        }
        targets[targets.length - 1] += total - given;
        return targets;
    }

    /**
     * One month's cases and check-ins, until it holds {@code target} successful interactions. Each
     * begins at least ten days before the month ends and is over within nine, so that no contact
     * falls into another month.
     */
    private int month(Program program, YearMonth month, int target) {
        int successful = 0;
        int guard = 0;
        while (successful < target && guard++ < target * 20) {
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth() - 10));
            Instant start = day.atTime(LocalTime.of(7 + random.nextInt(14), random.nextInt(60)))
                    .atZone(program.zone()).toInstant();
            List<Supporter> trained = program.supporters().stream()
                    .filter(s -> s.trainedOn().isBefore(day)).toList();
            if (trained.isEmpty()) {
                continue;
            }
            Supporter supporter = trained.get(random.nextInt(trained.size()));
            List<Physician> colleagues = program.physicians().stream()
                    .filter(p -> p.departmentId() == supporter.departmentId()).toList();
            Physician physician = colleagues.get(random.nextInt(colleagues.size()));
            if (random.nextInt(100) < 45) {
                successful += checkIn(program, supporter, physician, start, target - successful);
            }
            else {
                successful += referral(program, supporter, physician, start, target - successful);
            }
            if (random.nextInt(100) < 4) {
                withdrawn(program, physician, start.plus(Duration.ofHours(2)));
            }
        }
        return successful;
    }

    /** A supporter checks in on a colleague on their own initiative, after an event they heard of. */
    private int checkIn(Program program, Supporter supporter, Physician physician, Instant at, int room) {
        int roll = random.nextInt(100);
        String outcome = roll < 72 ? "CONNECTED" : roll < 92 ? "NO_RESPONSE" : "DECLINED";
        if (outcome.equals("CONNECTED") && room == 0) {
            outcome = "NO_RESPONSE";
        }
        contact(program, supporter, physician, null, at, outcome, outcome.equals("CONNECTED") && random.nextInt(100) < 1);
        return outcome.equals("CONNECTED") ? 1 : 0;
    }

    /**
     * A referral: assigned within hours, first contacted within the target most of the time, one to
     * three contacts, closed a few days after the last with the outcome its contacts earned.
     */
    private int referral(Program program, Supporter supporter, Physician physician, Instant created, int room) {
        UUID id = uuid();
        boolean urgent = random.nextInt(100) < 8;
        Instant assigned = created.plus(Duration.ofMinutes(urgent ? 20 + random.nextInt(70) : 60 + random.nextInt(18 * 60)));
        Instant due = assigned.plus(Duration.ofHours(urgent ? 4 : 24));
        long toContact = urgent ? 15 + random.nextInt(200)
                : random.nextInt(100) < 85 ? 30 + random.nextInt(22 * 60) : 25 * 60 + random.nextInt(24 * 60);
        Instant at = assigned.plus(Duration.ofMinutes(toContact));
        Instant firstContact = at;
        int successful = 0;
        boolean escalated = false;
        String outcome = "NO_RESPONSE";
        for (int attempt = 0; attempt < 3; attempt++) {
            int roll = random.nextInt(100);
            String result = roll < (attempt == 0 ? 62 : 55) ? "CONNECTED" : roll < 88 ? "NO_RESPONSE" : "DECLINED";
            if (result.equals("CONNECTED") && successful == room) {
                result = "NO_RESPONSE";
            }
            boolean redFlag = result.equals("CONNECTED") && random.nextInt(100) < 2;
            contact(program, supporter, physician, id, at, result, redFlag);
            if (result.equals("CONNECTED")) {
                successful++;
                escalated |= redFlag;
                outcome = escalated ? "ESCALATED" : "SUPPORTED";
                // Some conversations have a second part a few days later.
                if (random.nextInt(100) >= 20 || escalated) {
                    break;
                }
            }
            else if (result.equals("DECLINED")) {
                if (successful == 0) {
                    outcome = "DECLINED";
                }
                break;
            }
            at = at.plus(Duration.ofHours(20 + random.nextInt(40)));
        }
        Instant closed = at.plus(Duration.ofHours(12 + random.nextInt(36)));
        referrals.add(new Object[] {id, physician.hospitalId(), physician.departmentId(), physician.id(),
            SOURCES[random.nextInt(SOURCES.length)], TRIGGERS[random.nextInt(TRIGGERS.length)], urgent, outcome,
            supporter.id(), ts(assigned), ts(due), ts(firstContact), ts(closed), ts(created),
            random.nextInt(100) < 6 ? 2 : 1});
        return successful;
    }

    /** A referral withdrawn by its referrer, or found to repeat another, before anyone was assigned. */
    private void withdrawn(Program program, Physician physician, Instant created) {
        referrals.add(new Object[] {uuid(), physician.hospitalId(), physician.departmentId(), physician.id(),
            SOURCES[random.nextInt(SOURCES.length)], TRIGGERS[random.nextInt(TRIGGERS.length)], false,
            random.nextBoolean() ? "WITHDRAWN" : "DUPLICATE", null, null, null, null,
            ts(created.plus(Duration.ofHours(3 + random.nextInt(20)))), ts(created), 1});
    }

    private void contact(Program program, Supporter supporter, Physician physician, UUID referralId, Instant at,
            String outcome, boolean redFlag) {
        UUID id = uuid();
        String mode;
        int minutes;
        if (outcome.equals("CONNECTED")) {
            int roll = random.nextInt(100);
            mode = roll < 40 ? "PHONE" : roll < 75 ? "IN_PERSON" : roll < 90 ? "VIDEO" : "MESSAGE";
            minutes = CONNECTED_MINUTES[random.nextInt(CONNECTED_MINUTES.length)];
        }
        else {
            mode = random.nextBoolean() ? "MESSAGE" : "PHONE";
            minutes = 1 + random.nextInt(5);
        }
        String action = redFlag ? ESCALATION_ACTIONS[random.nextInt(ESCALATION_ACTIONS.length)] : null;
        interactions.add(new Object[] {id, physician.hospitalId(), physician.departmentId(), physician.id(),
            supporter.id(), referralId, ts(at), mode, minutes, outcome, redFlag, action,
            ts(at.plus(Duration.ofMinutes(minutes + 10 + random.nextInt(600))))});
        if (redFlag) {
            escalations++;
            List<Long> resources = program.resourcesByHospital().getOrDefault(physician.hospitalId(), List.of());
            if (!resources.isEmpty()) {
                interactionResources.add(new Object[] {id, resources.get(random.nextInt(resources.size()))});
            }
            Instant acknowledged = at.plus(Duration.ofHours(2 + random.nextInt(20)));
            Instant notesKeptSince = program.today().minusDays(program.noteRetentionDays())
                    .atStartOfDay(program.zone()).toInstant();
            acknowledgements.add(new Object[] {id, program.acknowledgerByHospital().get(physician.hospitalId()),
                ts(acknowledged), acknowledged.isBefore(notesKeptSince) ? ""
                    : "Spoke with the supporter; the colleague has an appointment with the EAP this week."});
        }
    }

    private void insert() {
        jdbc.batchUpdate("""
                insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent,
                                      status, outcome, supporter_id, assigned_at, due_at, first_contact_at, closed_at,
                                      created_at, forgotten_referrals)
                values (?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?)
                """, referrals);
        jdbc.batchUpdate("""
                insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, referral_id,
                                         occurred_at, mode, minutes, outcome, red_flag, escalation_action, logged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, interactions);
        jdbc.batchUpdate("insert into interaction_resource (interaction_id, resource_id) values (?, ?)",
                interactionResources);
        jdbc.batchUpdate("insert into escalation_acknowledgement (interaction_id, account_id, acknowledged_at, note) "
                + "values (?, ?, ?, ?)", acknowledgements);
    }

    /**
     * The program evaluation of {@code month}: every active physician of the evaluated departments
     * invited, {@value #RESPONSES} answers, closed three weeks after it opened. Answers keep no
     * link to their invitation, as real ones do not.
     */
    private int evaluation(Program program, YearMonth month) {
        LocalDate opens = month.atDay(6);
        LocalDate closes = opens.plusDays(21);
        Long template = jdbc.queryForObject("select id from survey_template where family = ?::uuid "
                + "order by revision desc limit 1", Long.class, "6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b");
        Map<Integer, Long> questions = new TreeMap<>();
        jdbc.query("select position, id from survey_question where template_id = ?",
                rs -> {
                    questions.put(rs.getInt(1), rs.getLong(2));
                }, template);
        Map<Long, List<Physician>> invited = program.physicians().stream()
                .filter(p -> program.evaluatedDepartments().contains(p.departmentId()))
                .collect(Collectors.groupingBy(Physician::departmentId, TreeMap::new, Collectors.toList()));
        int invitations = invited.values().stream().mapToInt(List::size).sum();
        UUID campaign = uuid();
        Instant opened = opens.atTime(8, 0).atZone(program.zone()).toInstant();
        Instant closed = closes.plusDays(1).atTime(0, 5).atZone(program.zone()).toInstant();
        jdbc.update("""
                insert into survey_campaign (id, hospital_id, template_id, title, opens_on, closes_on, state,
                                             reminders_sent, last_reminder_at, sent_count, failed_count, created_at,
                                             opened_at, closed_at, min_group_size, min_free_text_size)
                select ?, ?, ?, ?, ?, ?, 'CLOSED', 1, ?, ?, 0, ?, ?, ?, ps.survey_min_group_size,
                       ps.survey_min_free_text_size
                from program_settings ps
                """, campaign, program.evaluatedHospitalId(), template, "Program evaluation " + month.getYear(),
                Date.valueOf(opens), Date.valueOf(closes), ts(opened.plus(Duration.ofDays(10))), invitations,
                ts(opened.minus(Duration.ofDays(7))), ts(opened), ts(closed));

        // The answers, as POST's respondents gave them: those who had an interaction recommend more often.
        List<int[]> answers = new ArrayList<>();
        for (int i = 0; i < RESPONSES; i++) {
            boolean had = i < HAD_INTERACTION;
            boolean recommend = had ? i < HAD_INTERACTION - 7 : i < HAD_INTERACTION + (RECOMMEND - HAD_INTERACTION + 7);
            answers.add(new int[] {had ? 1 : 0, recommend ? 1 : 0});
        }
        Collections.shuffle(answers, random);
        int[] share = shares(invited.size(), RESPONSES);
        List<Object[]> departments = new ArrayList<>();
        List<Object[]> invitationRows = new ArrayList<>();
        List<Object[]> responses = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        int next = 0;
        int d = 0;
        int comments = 0;
        for (Map.Entry<Long, List<Physician>> department : invited.entrySet()) {
            long departmentId = department.getKey();
            List<Physician> physicians = department.getValue();
            departments.add(new Object[] {campaign, departmentId, physicians.size()});
            int respond = Math.min(share[d++], physicians.size());
            List<Physician> order = new ArrayList<>(physicians);
            Collections.shuffle(order, random);
            for (int i = 0; i < order.size(); i++) {
                invitationRows.add(new Object[] {campaign, departmentId, order.get(i).id(), i < respond,
                    order.get(i).email()});
            }
            for (int i = 0; i < respond; i++) {
                int[] answer = answers.get(next++);
                UUID response = uuid();
                responses.add(new Object[] {response, campaign, departmentId,
                    Date.valueOf(opens.plusDays(random.nextInt(21)))});
                answerRows.add(choice(response, questions.get(1), campaign, departmentId, answer[0]));
                answerRows.add(choice(response, questions.get(2), campaign, departmentId, answer[1]));
                if (answer[0] == 1) {
                    for (int q = 3; q <= 5; q++) {
                        if (random.nextInt(100) < 92) {
                            answerRows.add(choice(response, questions.get(q), campaign, departmentId, likert(answer[1])));
                        }
                    }
                }
                if (random.nextInt(100) < 85) {
                    answerRows.add(choice(response, questions.get(6), campaign, departmentId, likert(answer[1])));
                }
                if (comments < COMMENTS.length && random.nextInt(100) < 9) {
                    answerRows.add(new Object[] {response, questions.get(7), campaign, departmentId, null,
                        COMMENTS[comments++]});
                }
            }
        }
        jdbc.batchUpdate("insert into survey_campaign_department (campaign_id, department_id, invited) values (?, ?, ?)",
                departments);
        jdbc.batchUpdate("insert into survey_invitation (campaign_id, department_id, physician_id, used, mail_state, "
                + "email) values (?, ?, ?, ?, 'SENT', ?)", invitationRows);
        jdbc.batchUpdate("insert into survey_response (id, campaign_id, department_id, submitted_on) values (?, ?, ?, ?)",
                responses);
        jdbc.batchUpdate("insert into survey_answer (response_id, question_id, campaign_id, department_id, choice, text) "
                + "values (?, ?, ?, ?, ?, ?)", answerRows);
        return responses.size();
    }

    /** {@code total} shared out over {@code parts} departments, unevenly, as response rates are. */
    private int[] shares(int parts, int total) {
        int[] shares = new int[parts];
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.8 + random.nextDouble() * 0.4;
            sum += weights[i];
        }
        int given = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = (int) Math.floor(total * weights[i] / sum);
            given += shares[i];
        }
        shares[parts - 1] += total - given;
        return shares;
    }

    /** Agreement on the five-point scale, higher among those who would recommend the program. */
    private int likert(int recommend) {
        int roll = random.nextInt(100);
        if (recommend == 1) {
            return roll < 45 ? 5 : roll < 85 ? 4 : roll < 97 ? 3 : 2;
        }
        return roll < 10 ? 4 : roll < 45 ? 3 : roll < 80 ? 2 : 1;
    }

    private static Object[] choice(UUID response, long question, UUID campaign, long departmentId, int value) {
        return new Object[] {response, question, campaign, departmentId, value, null};
    }

    /** A version 4 UUID from the seeded generator, so ids too are the same on every machine. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
