package org.peersupport.referral.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.peersupport.referral.ReferralSource;
import org.peersupport.referral.ReferralStatus;
import org.peersupport.referral.Trigger;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The triage queue as rows of the columns it shows, read with plain SQL: no managed entities to
 * dirty-check, and no query translated again at every request (Hibernate does not keep the plan
 * of a query with a list parameter, and the queue is read by every coordinator all day). Only the
 * filters given become conditions, so each combination keeps a plan that uses the queue indexes
 * (V7, V8). Urgent first, then oldest.
 */
@Component
public class ReferralQueue {

    /** One case in the queue. */
    public record Item(UUID id, long hospitalId, long departmentId, long physicianId, ReferralSource source,
            Trigger trigger, boolean urgent, ReferralStatus status, Instant createdAt, Instant dueAt,
            Long supporterId) {
    }

    /** What to list: {@code hospitalIds} null means every hospital; a null filter is not applied. */
    public record Criteria(Collection<Long> hospitalIds, Long hospitalId, Long departmentId, ReferralStatus status,
            ReferralSource source, Trigger trigger, Instant createdBefore) {
    }

    private final JdbcTemplate jdbc;

    ReferralQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Item> page(Criteria criteria, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where r.created_at <= ?");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(criteria.createdBefore()));
        if (criteria.hospitalIds() != null) {
            where.append(" and r.hospital_id = any (?)");
            args.add(criteria.hospitalIds().toArray(Long[]::new));
        }
        condition(where, args, "r.hospital_id", criteria.hospitalId());
        condition(where, args, "r.department_id", criteria.departmentId());
        if (criteria.status() == null) {
            where.append(" and r.status <> 'CLOSED'");
        }
        condition(where, args, "r.status", criteria.status() == null ? null : criteria.status().name());
        condition(where, args, "r.source", criteria.source() == null ? null : criteria.source().name());
        condition(where, args, "r.trigger_kind", criteria.trigger() == null ? null : criteria.trigger().name());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Item> items = jdbc.query("select r.id, r.hospital_id, r.department_id, r.physician_id, r.source, "
                + "r.trigger_kind, r.urgent, r.status, r.created_at, r.due_at, r.supporter_id from referral r" + where
                + " order by r.urgent desc, r.created_at, r.id limit ? offset ?", ReferralQueue::item,
                pageArgs.toArray());
        // The count only when the page does not already tell it, as Spring Data's own pages do.
        long total;
        if (pageable.getOffset() == 0 && items.size() < pageable.getPageSize()) {
            total = items.size();
        }
        else {
            total = jdbc.queryForObject("select count(*) from referral r" + where, Long.class, args.toArray());
        }
        return new PageImpl<>(items, pageable, total);
    }

    private static void condition(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        long supporterId = rs.getLong("supporter_id");
        Long supporter = rs.wasNull() ? null : supporterId;
        return new Item(rs.getObject("id", UUID.class), rs.getLong("hospital_id"), rs.getLong("department_id"),
                rs.getLong("physician_id"), ReferralSource.valueOf(rs.getString("source")),
                Trigger.valueOf(rs.getString("trigger_kind")), rs.getBoolean("urgent"),
                ReferralStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                due == null ? null : due.toInstant(), supporter);
    }
}
