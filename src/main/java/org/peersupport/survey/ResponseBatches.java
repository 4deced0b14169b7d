package org.peersupport.survey;

import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.survey.domain.InvitationStore;
import org.peersupport.survey.domain.ResponseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps PostgreSQL itself from linking an answer to its invitation (see the V33 migration).
 *
 * <p>Submitting spends the invitation and holds the answer in one transaction, so for a moment
 * both rows carry the same transaction id (the system column xmin). Every few seconds this job:
 * <ol>
 * <li>rewrites the used invitations of each campaign that has new ones, all at once, so that they
 * share a new transaction id and no longer the submitting one;</li>
 * <li>publishes the held answers of a campaign as responses once {@value #BATCH} are waiting, in
 * a random order and under new ids, in one transaction; a closing campaign publishes the rest.
 * No response then carries the transaction id, the id or the physical place its submission had.</li>
 * </ol>
 * Results exist only once a campaign closes, so holding answers delays nothing anyone can see.
 */
@Component
public class ResponseBatches {

    private static final Logger log = LoggerFactory.getLogger(ResponseBatches.class);

    /** How many held answers a campaign needs before they are published together. */
    static final int BATCH = 10;

    private final JdbcTemplate jdbc;

    private final InvitationStore invitations;

    private final ResponseStore responses;

    private final TransactionTemplate transactions;

    ResponseBatches(JdbcTemplate jdbc, InvitationStore invitations, ResponseStore responses,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.responses = responses;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${peersupport.survey.batch-interval:PT15S}", initialDelayString = "PT25S")
    @SchedulerLock(name = "survey-response-batches", lockAtMostFor = "PT5M")
    public void run() {
        rewriteUsedInvitations();
        publishBatches();
    }

    /**
     * For each open campaign with newly used invitations, rewrites all its used invitations at once:
     * they then share one new transaction id, which joins no answer.
     */
    public void rewriteUsedInvitations() {
        List<Object[]> campaigns = jdbc.query("""
                select c.id, (select count(*) from survey_invitation i where i.campaign_id = c.id and i.used)
                from survey_campaign c where c.state = 'OPEN'
                """, (rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)});
        for (Object[] campaign : campaigns) {
            UUID id = (UUID) campaign[0];
            long used = (Long) campaign[1];
            transactions.executeWithoutResult(status -> {
                int changed = jdbc.update("update survey_campaign set blurred_responses = ? "
                        + "where id = ? and blurred_responses <> ?", used, id, used);
                if (changed > 0) {
                    invitations.rewriteUsed(id);
                }
            });
        }
    }

    /**
     * Publishes each campaign's held answers once a batch is waiting; a closed campaign's (there
     * should be none: closing publishes them) whatever is left. Returns how many were published.
     */
    public int publishBatches() {
        int published = 0;
        for (UUID campaign : responses.campaignsWithHeldAnswers()) {
            Integer count = transactions.execute(status -> responses.publishHeld(campaign, BATCH));
            published += count == null ? 0 : count;
        }
        if (published > 0) {
            log.info("Survey responses: {} published in shuffled batches", published);
        }
        return published;
    }
}
