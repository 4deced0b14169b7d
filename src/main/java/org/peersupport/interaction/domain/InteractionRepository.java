package org.peersupport.interaction.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InteractionRepository extends JpaRepository<Interaction, UUID> {

    Optional<Interaction> findBySubmissionKey(UUID submissionKey);

    List<Interaction> findByReferralIdOrderByOccurredAtAsc(UUID referralId);

    /** Per case: contacts, unanswered attempts, escalated ones. */
    @Query("select i.referralId, count(i), "
            + "sum(case when i.outcome = org.peersupport.interaction.ContactOutcome.NO_RESPONSE then 1 else 0 end), "
            + "sum(case when i.redFlag = true then 1 else 0 end) "
            + "from Interaction i where i.referralId in ?1 group by i.referralId")
    List<Object[]> tallies(Collection<UUID> referralIds);

    Page<Interaction> findBySupporterIdOrderByOccurredAtDescLoggedAtDesc(long supporterId, Pageable pageable);

    @Query(value = "select i from Interaction i where i.redFlag = true and (?1 = true or i.hospitalId in ?2) "
            + "order by i.occurredAt desc, i.id",
            countQuery = "select count(i) from Interaction i where i.redFlag = true and (?1 = true or i.hospitalId in ?2)")
    Page<Interaction> findEscalated(boolean allHospitals, Collection<Long> hospitalIds, Pageable pageable);

    /**
     * Follow-ups not yet answered: the contact has a follow-up date, and the same supporter has
     * logged no later contact with the same physician. Dates from {@code from} to {@code to}.
     */
    @Query("select i from Interaction i where i.followUpOn between ?2 and ?3 and (?1 = 0 or i.supporterId = ?1) "
            + "and not exists (select 1 from Interaction later where later.supporterId = i.supporterId "
            + "and later.physicianId = i.physicianId and (later.occurredAt > i.occurredAt "
            + "or (later.occurredAt = i.occurredAt and later.loggedAt > i.loggedAt))) "
            + "order by i.followUpOn, i.occurredAt")
    List<Interaction> pendingFollowUps(long supporterIdOrZero, LocalDate from, LocalDate to);
}
