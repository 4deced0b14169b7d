package org.peersupport.supporter.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrainingSessionRepository extends JpaRepository<TrainingSession, Long> {

    @Query(value = "select s from TrainingSession s where (:all = true or s.hospitalId in :hospitalIds) "
            + "order by s.sessionDate desc, s.id desc",
            countQuery = "select count(s) from TrainingSession s where (:all = true or s.hospitalId in :hospitalIds)")
    Page<TrainingSession> findInScope(boolean all, Collection<Long> hospitalIds, Pageable pageable);

    @Query("select distinct s from TrainingSession s join s.attendees a where a = ?1 order by s.sessionDate desc")
    List<TrainingSession> findAttendedBy(long supporterId);
}
