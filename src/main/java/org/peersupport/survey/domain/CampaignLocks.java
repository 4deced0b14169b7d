package org.peersupport.survey.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** A campaign's row, locked until the end of the transaction: one opening, reminder or closing at a time. */
public interface CampaignLocks extends Repository<Campaign, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = ?1")
    Optional<Campaign> lock(UUID id);
}
