package org.peersupport.interaction.domain;

import java.util.Collection;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PendingEscalationRepository extends JpaRepository<PendingEscalation, UUID> {

    long countByHospitalIdIn(Collection<Long> hospitalIds);

    /** Takes the escalation off the waiting list: 1 if it was waiting, 0 if someone took it first. */
    @Modifying(flushAutomatically = true)
    @Query("delete from PendingEscalation p where p.interactionId = ?1")
    int remove(UUID interactionId);
}
