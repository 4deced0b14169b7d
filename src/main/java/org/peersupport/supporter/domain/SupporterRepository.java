package org.peersupport.supporter.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupporterRepository extends JpaRepository<Supporter, Long> {

    Optional<Supporter> findByPhysicianId(long physicianId);

    boolean existsByPhysicianId(long physicianId);

    // With their departments and conflicts: a case page judges every supporter of the hospital, in one query.
    @Query("select distinct s from Supporter s left join fetch s.departmentIds left join fetch s.conflicts "
            + "left join fetch s.privateConflicts "
            + "where s.hospitalId = ?1 and s.status <> org.peersupport.supporter.SupporterStatus.RETIRED")
    List<Supporter> findCurrentInHospital(long hospitalId);

    /** Supporters whose certificate began in the window; the exact expiry is checked in Java. */
    @Query("select s from Supporter s where s.certifiedOn > ?1 and s.certifiedOn <= ?2 "
            + "and s.status <> org.peersupport.supporter.SupporterStatus.RETIRED order by s.id")
    List<Supporter> findCertifiedBetween(LocalDate afterExclusive, LocalDate untilInclusive);

    @Query("select s from Supporter s where s.status = org.peersupport.supporter.SupporterStatus.PAUSED "
            + "and s.pausedUntil <= ?1")
    List<Supporter> findReturningBy(LocalDate day);
}
