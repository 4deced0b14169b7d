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

    Page<Interaction> findBySupporterIdOrderByOccurredAtDescLoggedAtDesc(long supporterId, Pageable pageable);

    // Two queries rather than one with "all hospitals or these": each keeps a plan that uses its index.
    @Query(value = "select i from Interaction i where i.redFlag = true order by i.occurredAt desc, i.id",
            countQuery = "select count(i) from Interaction i where i.redFlag = true")
    Page<Interaction> findEscalated(Pageable pageable);

    @Query(value = "select i from Interaction i where i.redFlag = true and i.hospitalId in ?1 "
            + "order by i.occurredAt desc, i.id",
            countQuery = "select count(i) from Interaction i where i.redFlag = true and i.hospitalId in ?1")
    Page<Interaction> findEscalatedIn(Collection<Long> hospitalIds, Pageable pageable);

    /**
     * A follow-up not yet answered: the contact has a follow-up date, and the same supporter has
     * logged no later contact with the same physician.
     */
    String UNANSWERED = "not exists (select 1 from Interaction later where later.supporterId = i.supporterId "
            + "and later.physicianId = i.physicianId and (later.occurredAt > i.occurredAt "
            + "or (later.occurredAt = i.occurredAt and later.loggedAt > i.loggedAt))) ";

    /** Every supporter's unanswered follow-ups dated from {@code from} to {@code to}, for the reminder. */
    @Query("select i from Interaction i where i.followUpOn between ?1 and ?2 and " + UNANSWERED
            + "order by i.followUpOn, i.occurredAt")
    List<Interaction> pendingFollowUps(LocalDate from, LocalDate to);

    /** One supporter's unanswered follow-ups dated from {@code from} to {@code to}. */
    @Query("select i from Interaction i where i.supporterId = ?1 and i.followUpOn between ?2 and ?3 and "
            + UNANSWERED + "order by i.followUpOn, i.occurredAt")
    List<Interaction> pendingFollowUpsOf(long supporterId, LocalDate from, LocalDate to);
}
