package org.peersupport.referral.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.referral.OverdueStage;
import org.peersupport.referral.QueueOrder;
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
 * (V7, V8). Urgent first, then oldest, unless another order is asked for.
 */
@Component
public class ReferralQueue {

    /** One case in the queue. */
    public record Item(UUID id, long hospitalId, long departmentId, long physicianId, ReferralSource source,
            Trigger trigger, boolean urgent, ReferralStatus status, Instant createdAt, Instant dueAt,
            Long supporterId) {
    }

    /**
     * What to list: {@code hospitalIds} null means every hospital, {@code physicianIds} null means
     * anyone; any other null filter is not applied.
     */
    public record Criteria(Collection<Long> hospitalIds, Long hospitalId, Long departmentId, ReferralStatus status,
            ReferralSource source, Trigger trigger, Boolean urgent, OverdueStage overdue, Instant createdBefore,
            Collection<Long> physicianIds) {
    }

    private final JdbcTemplate jdbc;

    ReferralQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Item> page(Criteria criteria, QueueOrder order, ProgramSettingsView settings, Instant now,
            Pageable pageable) {
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
        if (criteria.urgent() != null) {
            where.append(" and r.urgent = ?");
            args.add(criteria.urgent());
        }
        if (criteria.overdue() != null) {
            where.append(" and ").append(overdue(criteria.overdue()));
            args.addAll(overdueArguments(criteria.overdue(), settings, now));
        }
        if (criteria.physicianIds() != null) {
            where.append(" and r.physician_id = any (?)");
            args.add(criteria.physicianIds().toArray(Long[]::new));
        }
        List<Object> pageArgs = new ArrayList<>(args);
        if (order == QueueOrder.DUE_FIRST) {
            pageArgs.add(settings.urgentAssignTargetHours());
            pageArgs.add(settings.assignTargetHours());
        }
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Item> items = jdbc.query("select r.id, r.hospital_id, r.department_id, r.physician_id, r.source, "
                + "r.trigger_kind, r.urgent, r.status, r.created_at, r.due_at, r.supporter_id from referral r" + where
                + sql(order) + " limit ? offset ?", ReferralQueue::item,
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

    /**
     * {@code DUE_FIRST} puts first the case whose clock runs out first: assignment, counted from
     * receipt, for a new case; first contact for an assigned one. The others follow, oldest first.
     */
    private static String sql(QueueOrder order) {
        return switch (order) {
            case URGENT_FIRST -> " order by r.urgent desc, r.created_at, r.id";
            case LONGEST_WAITING -> " order by r.created_at, r.id";
            case DUE_FIRST -> " order by case r.status when 'NEW' then r.created_at + make_interval(hours => case"
                    + " when r.urgent then ? else ? end) when 'ASSIGNED' then r.due_at end nulls last, r.created_at, r.id";
        };
    }

    /**
     * How many open cases of these hospitals (null: every hospital) are new, new and urgent, past
     * the assignment target, and past the first-contact target: one statement over the open-queue
     * index (V8), whose rows are the open cases only.
     */
    public long[] attention(Collection<Long> hospitalIds, ProgramSettingsView settings, Instant now) {
        List<Object> args = new ArrayList<>(overdueArguments(OverdueStage.ASSIGNMENT, settings, now));
        args.addAll(overdueArguments(OverdueStage.FIRST_CONTACT, settings, now));
        String where = " where r.status <> 'CLOSED'";
        if (hospitalIds != null) {
            where += " and r.hospital_id = any (?)";
            args.add(hospitalIds.toArray(Long[]::new));
        }
        return jdbc.queryForObject("select count(*) filter (where r.status = 'NEW'), "
                + "count(*) filter (where r.status = 'NEW' and r.urgent), "
                + "count(*) filter (where " + overdue(OverdueStage.ASSIGNMENT) + "), "
                + "count(*) filter (where " + overdue(OverdueStage.FIRST_CONTACT) + ") from referral r" + where,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, args.toArray());
    }

    /**
     * The SQL condition, over {@code referral r}, of a case that missed this target: a new case
     * past the assignment target of its receipt (the urgent target is the shorter one), or an
     * assigned case past its first-contact due time. Its arguments come from {@link #overdueArguments}.
     */
    public static String overdue(OverdueStage stage) {
        return switch (stage) {
            case ASSIGNMENT -> "(r.status = 'NEW' and r.created_at < ? and (r.urgent or r.created_at < ?))";
            case FIRST_CONTACT -> "(r.status = 'ASSIGNED' and r.due_at < ?)";
        };
    }

    public static List<Object> overdueArguments(OverdueStage stage, ProgramSettingsView settings, Instant now) {
        return switch (stage) {
            case ASSIGNMENT -> List.of(Timestamp.from(now.minus(settings.assignTarget(true))),
                    Timestamp.from(now.minus(settings.assignTarget(false))));
            case FIRST_CONTACT -> List.of(Timestamp.from(now));
        };
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
