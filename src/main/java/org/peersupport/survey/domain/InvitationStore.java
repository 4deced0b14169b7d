package org.peersupport.survey.domain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.organization.RosterMember;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The invitations of open campaigns, in plain SQL: they are made by the ten thousand and sent in
 * batches, which is what JDBC batches are for.
 */
@Repository
public class InvitationStore {

    static final int INSERT_BATCH = 1000;

    public enum MailKind { INVITATION, REMINDER }

    public enum MailState { QUEUED, SENDING, SENT, FAILED }

    /** An invitation whose e-mail is being sent now, with the token that is in no database. */
    public record Issued(long id, UUID campaignId, String email, MailKind kind, LocalDate closesOn,
            Token token) {
    }

    /** Whom a link was for, as far as answering needs to know: a campaign and a department. */
    public record Invitation(UUID campaignId, long departmentId, boolean used) {
    }

    private final JdbcTemplate jdbc;

    InvitationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One invitation per physician, queued for sending; the tokens are made when each is sent. */
    public void create(UUID campaignId, List<RosterMember> members) {
        for (int from = 0; from < members.size(); from += INSERT_BATCH) {
            List<RosterMember> batch = members.subList(from, Math.min(members.size(), from + INSERT_BATCH));
            jdbc.batchUpdate("insert into survey_invitation (campaign_id, department_id, physician_id, email) "
                    + "values (?, ?, ?, ?)", batch, batch.size(), (ps, member) -> {
                        ps.setObject(1, campaignId);
                        ps.setLong(2, member.departmentId());
                        ps.setLong(3, member.physicianId());
                        ps.setString(4, member.email());
                    });
        }
    }

    /**
     * Takes the next invitations to send and gives each a new token, of which only the hash is
     * stored. The plain tokens exist only in the returned list, in memory, until the e-mails are
     * written. Invitations left "sending" longer than the lease (the app stopped mid-batch) are
     * taken again with a new token, keeping the link of their last delivered e-mail alive.
     */
    public List<Issued> issueNextBatch(int size, Duration lease) {
        List<Issued> issued = jdbc.query("""
                select i.id, i.campaign_id, i.email, i.mail_kind, c.closes_on
                from survey_invitation i join survey_campaign c on c.id = i.campaign_id
                where (i.mail_state = 'QUEUED' or (i.mail_state = 'SENDING' and i.sending_since < now() - ?::interval))
                  and (not i.used or i.mail_kind = 'REMINDER') and c.state = 'OPEN'
                order by i.id
                limit ?
                for update of i skip locked
                """, (rs, row) -> new Issued(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                MailKind.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), Token.generate()),
                lease.toSeconds() + " seconds", size);
        if (!issued.isEmpty()) {
            // A queued reminder moves the link of the delivered e-mail to previous_token_hash, so
            // both links work; a re-taken "sending" one keeps its previous link as it was.
            jdbc.batchUpdate("""
                    update survey_invitation set
                        previous_token_hash = case when mail_state = 'QUEUED' and token_hash is not null
                                                   then token_hash else previous_token_hash end,
                        token_hash = ?, mail_state = 'SENDING', sending_since = now()
                    where id = ?
                    """, issued, issued.size(), (ps, invitation) -> {
                ps.setBytes(1, invitation.token().hash());
                ps.setLong(2, invitation.id());
            });
        }
        return issued;
    }

    public void markSent(Collection<Long> ids) {
        setState(ids, "mail_state = 'SENT', sending_since = null");
    }

    /** The server refused these addresses: no retry, and the failure shows in the progress. */
    public void markFailed(Collection<Long> ids) {
        setState(ids, "mail_state = 'FAILED', sending_since = null");
    }

    /** The mail server could not be reached: these are retried on the next run, with new tokens. */
    public void retryLater(Collection<Long> ids) {
        setState(ids, "sending_since = now() - interval '1 day'");
    }

    /**
     * Queues a reminder to every invitee whose invitation was delivered, answered or not; returns
     * how many. Going to everyone, a reminder and its count say nothing about who has answered.
     */
    public int queueReminders(UUID campaignId) {
        return jdbc.update("""
                update survey_invitation set mail_state = 'QUEUED', mail_kind = 'REMINDER'
                where campaign_id = ? and mail_state = 'SENT'
                """, campaignId);
    }

    /** Over every campaign: e-mails waiting to go (queued or being sent), and those the mail server refused. */
    public long[] waitingAndFailed() {
        return jdbc.queryForObject("select count(*) filter (where mail_state <> 'FAILED'), count(*) filter"
                + " (where mail_state = 'FAILED') from survey_invitation where mail_state in ('QUEUED', 'SENDING', 'FAILED')",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    public Map<MailState, Integer> progress(UUID campaignId) {
        Map<MailState, Integer> counts = new EnumMap<>(MailState.class);
        for (MailState state : MailState.values()) {
            counts.put(state, 0);
        }
        jdbc.query("select mail_state, count(*) from survey_invitation where campaign_id = ? group by mail_state",
                rs -> {
                    counts.put(MailState.valueOf(rs.getString(1)), rs.getInt(2));
                }, campaignId);
        return counts;
    }

    public Optional<Invitation> find(byte[] tokenHash) {
        return jdbc.query("""
                select campaign_id, department_id, used from survey_invitation
                where token_hash = ? or previous_token_hash = ?
                """, (rs, row) -> new Invitation(rs.getObject(1, UUID.class), rs.getLong(2), rs.getBoolean(3)),
                tokenHash, tokenHash).stream().findFirst();
    }

    /**
     * Marks the link used if nobody has used it yet, atomically: of two submissions racing with the
     * same link, the second waits for the first's row lock, then finds it used and gets nothing.
     * Only the flag is set, never a time, so the invitation says nothing about when it was used.
     */
    public Optional<Invitation> claim(byte[] tokenHash) {
        return jdbc.query("""
                update survey_invitation set used = true
                where (token_hash = ? or previous_token_hash = ?) and not used
                returning campaign_id, department_id, used
                """, (rs, row) -> new Invitation(rs.getObject(1, UUID.class), rs.getLong(2), rs.getBoolean(3)),
                tokenHash, tokenHash).stream().findFirst();
    }

    /**
     * Rewrites the used invitations of a campaign. Submitting writes the invitation and the
     * response in one transaction, so both rows carry the same transaction id in PostgreSQL's
     * system column xmin, which any reader of both tables could join on. Rewriting the invitations
     * gives them a new transaction id shared by all of them, which breaks that join.
     */
    public int rewriteUsed(UUID campaignId) {
        return jdbc.update("update survey_invitation set used = true where campaign_id = ? and used", campaignId);
    }

    public int deleteAll(UUID campaignId) {
        return jdbc.update("delete from survey_invitation where campaign_id = ?", campaignId);
    }

    private void setState(Collection<Long> ids, String assignments) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update((Connection connection) -> {
            var statement = connection.prepareStatement("update survey_invitation set " + assignments
                    + " where id = any(?)");
            statement.setArray(1, longArray(connection, ids));
            return statement;
        });
    }

    private static Array longArray(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", new ArrayList<>(ids).toArray());
    }
}
