package org.peersupport.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One submission that led to a case: who referred, and whether they agreed to be named. */
@Entity
@Table(name = "referral_request")
public class ReferralRequest {

    @Id
    private UUID id;

    private UUID referralId;

    private long referrerAccountId;

    private Long referrerPhysicianId;

    private boolean named;

    private UUID submissionKey;

    private Instant submittedAt;

    protected ReferralRequest() {
    }

    public ReferralRequest(UUID referralId, long referrerAccountId, Long referrerPhysicianId, boolean named,
            UUID submissionKey, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.referralId = referralId;
        this.referrerAccountId = referrerAccountId;
        this.referrerPhysicianId = referrerPhysicianId;
        this.named = named;
        this.submissionKey = submissionKey;
        this.submittedAt = submittedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public long getReferrerAccountId() {
        return referrerAccountId;
    }

    public Long getReferrerPhysicianId() {
        return referrerPhysicianId;
    }

    public boolean isNamed() {
        return named;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
