package org.peersupport.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log. There is deliberately no way to change or delete an entry. */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an access or change. Joins the caller's transaction, so a change and its audit
     * entry are kept or lost together; a read is recorded even when nothing else is written.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(long accountId, String action, String recordType, String recordId) {
        jdbc.update("insert into audit_entry (account_id, action, record_type, record_id) values (?, ?, ?, ?)",
                accountId, action, recordType, recordId);
    }

    /** One entry per record, for a list page that shows several: one batch, whatever the count. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(long accountId, String action, String recordType, java.util.Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        // One entry for the whole list, however long: a look at a page is one write.
        jdbc.update((java.sql.Connection connection) -> {
            var statement = connection.prepareStatement(
                    "insert into audit_entry (account_id, action, record_type, record_ids) values (?, ?, ?, ?)");
            statement.setLong(1, accountId);
            statement.setString(2, action);
            statement.setString(3, recordType);
            statement.setArray(4, connection.createArrayOf("varchar", recordIds.toArray()));
            return statement;
        });
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Long accountId, String recordId, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (accountId != null) {
            where.append(" and account_id = ?");
            args.add(accountId);
        }
        if (recordId != null && !recordId.isBlank()) {
            where.append(" and (record_id = ? or record_ids @> array[?]::varchar[])");
            args.add(recordId.strip());
            args.add(recordId.strip());
        }
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<AuditEntry> entries = jdbc.query("select id, at, account_id, action, record_type, record_id, "
                + "cardinality(record_ids) from audit_entry" + where + " order by at desc, id desc limit ? offset ?",
                (rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2, java.util.Calendar.getInstance(
                        java.util.TimeZone.getTimeZone("UTC"))).toInstant(), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)),
                pageArgs.toArray());
        return new PageImpl<>(entries, pageable, total == null ? 0 : total);
    }

}
