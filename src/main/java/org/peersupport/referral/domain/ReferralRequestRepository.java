package org.peersupport.referral.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReferralRequestRepository extends JpaRepository<ReferralRequest, UUID> {

    Optional<ReferralRequest> findBySubmissionKey(UUID submissionKey);

    Page<ReferralRequest> findByReferrerAccountIdOrderBySubmittedAtDesc(long accountId, Pageable pageable);

    /**
     * The cases someone referred, one row each however often they referred it: the case, their
     * first referral of it and their last. The case they referred last comes first.
     */
    @Query(value = "select q.referralId, min(q.submittedAt), max(q.submittedAt) from ReferralRequest q "
            + "where q.referrerAccountId = ?1 group by q.referralId order by max(q.submittedAt) desc, q.referralId",
            countQuery = "select count(distinct q.referralId) from ReferralRequest q where q.referrerAccountId = ?1")
    Page<Object[]> casesReferredBy(long accountId, Pageable pageable);

    List<ReferralRequest> findByReferralIdOrderBySubmittedAtAsc(UUID referralId);

    /** The requests of several cases in one query, oldest first. */
    List<ReferralRequest> findByReferralIdInOrderBySubmittedAtAsc(Collection<UUID> referralIds);
}
