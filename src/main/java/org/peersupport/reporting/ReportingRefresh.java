package org.peersupport.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.shared.HospitalScope;
import org.peersupport.survey.CampaignView;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.SurveyResults.Group;
import org.peersupport.survey.SurveyResults.QuestionResult;
import org.peersupport.survey.SurveyResults.Rate;
import org.peersupport.survey.SurveyResults;
import org.peersupport.survey.SurveyResultsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the dashboard's summaries up to date: every minute by default (REPORTS_REFRESH_INTERVAL),
 * in one instance at a time (ShedLock). Department and supporter summaries are summed again in
 * full; the month-grained ones only where their source rows changed since the last refresh (V37,
 * {@link SummaryUpdate}), so a refresh costs time in proportion to what changed. All in one
 * transaction, so the dashboard reads the previous figures meanwhile and never half a refresh.
 * Closed survey campaigns are summarized once each, from the survey module's own suppressed
 * results, and again for all if the minimum group size changes.
 */
@Component
public class ReportingRefresh {

    private static final Logger log = LoggerFactory.getLogger(ReportingRefresh.class);

    /** The built-in program evaluation (V21); other templates ask other questions. */
    static final String PROGRAM_EVALUATION_FAMILY = "6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b";

    /** Every summary a refresh writes. */
    static final List<String> SUMMARIES = List.of("report_department", "report_supporter", "report_reach",
            "report_reach_month", "report_interaction", "report_referral", "report_first_contact");

    private final JdbcTemplate jdbc;

    private final SurveyResultsService surveyResults;

    private final TransactionTemplate transaction;

    private final TransactionTemplate repeatableRead;

    private final boolean timers;

    private final Clock clock;

    ReportingRefresh(JdbcTemplate jdbc, SurveyResultsService surveyResults,
            TransactionTemplate transaction, @Value("${peersupport.scheduling.enabled:true}") boolean timers,
            Clock clock) {
        this.clock = clock;
        this.timers = timers;
        this.jdbc = jdbc;
        this.surveyResults = surveyResults;
        this.transaction = transaction;
        this.repeatableRead = new TransactionTemplate(transaction.getTransactionManager());
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Scheduled(fixedDelayString = "${peersupport.reporting.refresh-interval}",
            initialDelayString = "${peersupport.reporting.refresh-delay:PT20S}")
    @SchedulerLock(name = "reporting-refresh")
    public void scheduledRefresh() {
        // Tests switch the timers off and refresh when their data is ready. A refresh from a timer
        // in the middle of a test would run queries that the query-count tests then count.
        if (timers) {
            refresh();
        }
    }

    public void refresh() {
        refresh(clock.instant());
    }

    /** A refresh as if at {@code now}: tests move time this way. */
    SummaryUpdate.Outcome refresh(Instant now) {
        long started = System.nanoTime();
        int campaigns = summarizeSurveys();
        // One transaction, of one snapshot: a page reads every summary as of the same refresh, and
        // the notes of what changed are consumed together with the rows they describe.
        SummaryUpdate.Outcome outcome = repeatableRead.execute(status -> {
            // "Now" in the summaries is the app's clock (report_now(), V26), for this transaction only.
            jdbc.queryForObject("select set_config('peersupport.now', ?, true)", String.class, now.toString());
            return new SummaryUpdate(jdbc).run(now);
        });
        // Keeps the covering indexes (V25) answering from the index alone: vacuum marks the pages
        // the refresh rewrote all-visible again. It reads only those pages.
        for (String table : SUMMARIES) {
            // Statistics change little with a few slices; autovacuum analyzes when they have.
            boolean whole = outcome.rebuilt(table) || table.equals("report_department")
                    || table.equals("report_supporter");
            jdbc.execute((whole ? "vacuum (analyze) " : "vacuum (parallel 0) ") + table);
        }
        log.info("Reporting summaries refreshed in {} ms ({}; {} survey campaigns summarized)",
                (System.nanoTime() - started) / 1_000_000, outcome, campaigns);
        return outcome;
    }

    /** Summarizes closed program-evaluation campaigns not yet summarized; returns how many. */
    int summarizeSurveys() {
        // A closed campaign's results are frozen with its own thresholds, so a summary never goes stale.
        List<UUID> pending = jdbc.queryForList("""
                select c.id from survey_campaign c join survey_template t on t.id = c.template_id
                where c.state = 'CLOSED' and t.family = ?::uuid
                  and not exists (select 1 from report_survey_campaign s where s.campaign_id = c.id)
                """, UUID.class, PROGRAM_EVALUATION_FAMILY);
        int summarized = 0;
        for (UUID id : pending) {
            // One campaign that cannot be read must not keep the others, and the summaries, stale.
            try {
                SurveyResults results = surveyResults.results(id, HospitalScope.everything());
                transaction.executeWithoutResult(status -> store(results));
                summarized++;
            }
            catch (RuntimeException ex) {
                log.error("Reporting: survey campaign {} could not be summarized", id, ex);
            }
        }
        return summarized;
    }

    private void store(SurveyResults results) {
        CampaignView campaign = results.campaign();
        int inserted = jdbc.update("insert into report_survey_campaign (campaign_id, min_group_size) values (?, ?) "
                + "on conflict do nothing", campaign.id(), results.minGroupSize());
        if (inserted == 0) {
            return;
        }
        Map<String, Long> departmentIds = new HashMap<>();
        campaign.departments().forEach(d -> departmentIds.put(d.name(), d.id()));
        LocalDate month = campaign.closesOn().withDayOfMonth(1);
        List<Object[]> rows = new ArrayList<>();
        for (Rate rate : results.rates()) {
            if (!rate.suppressed() && rate.invited() > 0) {
                rows.add(row(campaign, departmentIds.get(rate.label()), month, SurveyMeasure.RESPONDED,
                        rate.responded(), rate.invited()));
            }
        }
        Rate total = results.total();
        if (!total.suppressed() && total.invited() > 0) {
            rows.add(row(campaign, 0L, month, SurveyMeasure.RESPONDED, total.responded(), total.invited()));
        }
        for (QuestionResult question : results.questions()) {
            SurveyMeasure measure = SurveyMeasure.forQuestion(question.question().number());
            if (measure == null || !expectedKind(measure, question.question().kind())) {
                continue;
            }
            for (Group group : question.groups()) {
                if (group.suppressed() || group.headline() == null || group.answered() == 0) {
                    continue;
                }
                Long departmentId = group.total() ? Long.valueOf(0L) : departmentIds.get(group.label());
                rows.add(row(campaign, departmentId, month, measure, group.headline().count(), group.headline().of()));
            }
        }
        rows.removeIf(r -> r[2] == null);
        // Pages keep the figures they read under the summaries' version: this write changes them.
        jdbc.update("update report_refresh set version = version + 1 where id = 1");
        jdbc.batchUpdate("insert into report_survey (campaign_id, hospital_id, department_id, month, measure, yes, "
                + "answered) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static boolean expectedKind(SurveyMeasure measure, QuestionKind kind) {
        return measure == SurveyMeasure.HAD_INTERACTION || measure == SurveyMeasure.RECOMMEND
                ? kind == QuestionKind.YES_NO : kind == QuestionKind.LIKERT;
    }

    private static Object[] row(CampaignView campaign, Long departmentId, LocalDate month, SurveyMeasure measure,
            long yes, long of) {
        return new Object[] {campaign.id(), campaign.hospitalId(), departmentId, Date.valueOf(month), measure.name(),
                yes, of};
    }
}
