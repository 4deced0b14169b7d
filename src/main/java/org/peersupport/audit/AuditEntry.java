package org.peersupport.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant at, long accountId, String action, String recordType, String recordId) {
}
