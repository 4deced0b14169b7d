package org.peersupport.referral.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRequestRepository extends JpaRepository<ReferralRequest, UUID> {

    Optional<ReferralRequest> findBySubmissionKey(UUID submissionKey);

    Page<ReferralRequest> findByReferrerAccountIdOrderBySubmittedAtDesc(long accountId, Pageable pageable);

    List<ReferralRequest> findByReferralIdOrderBySubmittedAtAsc(UUID referralId);

    /** The requests of several cases in one query, oldest first. */
    List<ReferralRequest> findByReferralIdInOrderBySubmittedAtAsc(Collection<UUID> referralIds);
}
