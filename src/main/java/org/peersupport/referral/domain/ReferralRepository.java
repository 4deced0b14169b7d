package org.peersupport.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.referral.ReferralStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReferralRepository extends JpaRepository<Referral, UUID> {

    @Query("select r from Referral r where r.physicianId = ?1 and r.status <> org.peersupport.referral.ReferralStatus.CLOSED")
    Optional<Referral> findOpenFor(long physicianId);

    @Query("select r from Referral r where r.supporterId = ?1 and r.status <> org.peersupport.referral.ReferralStatus.CLOSED "
            + "order by r.urgent desc, r.dueAt asc nulls last, r.createdAt asc")
    List<Referral> openCasesOf(long supporterId);

    @Query("select r.supporterId, count(*) from Referral r where r.hospitalId = ?1 and r.supporterId is not null "
            + "and r.status <> org.peersupport.referral.ReferralStatus.CLOSED group by r.supporterId")
    List<Object[]> countOpenBySupporterInHospital(long hospitalId);

    @Query("select r from Referral r where r.status = org.peersupport.referral.ReferralStatus.ASSIGNED and r.dueAt < ?1 "
            + "order by r.id")
    List<Referral> findOverdue(Instant now);

    /**
     * The case, locked until the transaction ends: logging a contact and closing the case take
     * turns, so a close never misses a contact being logged, and a contact never lands on a case
     * closed or handed to someone else at the same moment.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select r from Referral r where r.id = ?1")
    Optional<Referral> findLocked(UUID id);
}
