package org.peersupport.interaction.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PendingEscalationRepository extends JpaRepository<PendingEscalation, UUID> {

    /**
     * How many wait in these hospitals. Plain SQL with one array parameter: Hibernate would
     * translate a query with an {@code in} list again at every call, and every staff page asks.
     */
    @Query(value = "select count(*) from escalation_pending where hospital_id = any (?1)", nativeQuery = true)
    long countInHospitals(Long[] hospitalIds);

    /** Takes the escalation off the waiting list: 1 if it was waiting, 0 if someone took it first. */
    @Modifying(flushAutomatically = true)
    @Query("delete from PendingEscalation p where p.interactionId = ?1")
    int remove(UUID interactionId);
}
