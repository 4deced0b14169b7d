package org.peersupport.audit;

import java.time.Instant;

/**
 * One audit entry: about one record ({@code recordId}), or about a list of {@code listed} records
 * shown at once ({@code recordId} null).
 */
public record AuditEntry(long id, Instant at, long accountId, String action, String recordType, String recordId,
        int listed) {
}
