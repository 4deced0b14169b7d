package org.peersupport.interaction.domain;

import java.time.Instant;
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

    /** The escalations waiting for a coordinator's acknowledgement. */
    String UNACKNOWLEDGED = " and exists (select 1 from PendingEscalation p where p.interactionId = i.id)";

    @Query(value = "select i from Interaction i where i.redFlag = true" + UNACKNOWLEDGED
            + " order by i.occurredAt desc, i.id",
            countQuery = "select count(i) from Interaction i where i.redFlag = true" + UNACKNOWLEDGED)
    Page<Interaction> findUnacknowledged(Pageable pageable);

    @Query(value = "select i from Interaction i where i.redFlag = true and i.hospitalId in ?1" + UNACKNOWLEDGED
            + " order by i.occurredAt desc, i.id",
            countQuery = "select count(i) from Interaction i where i.redFlag = true and i.hospitalId in ?1"
                    + UNACKNOWLEDGED)
    Page<Interaction> findUnacknowledgedIn(Collection<Long> hospitalIds, Pageable pageable);

    /**
     * A follow-up not superseded: the same supporter has logged no later contact with the same
     * physician that sets a follow-up of its own. Whether a later contact answered it (one made on
     * or after the day it was due, in the hospital's time zone) is judged where the zone is known,
     * from {@link #contactsSince}.
     */
    String UNANSWERED = "not exists (select 1 from Interaction later where later.supporterId = i.supporterId "
            + "and later.physicianId = i.physicianId and later.followUpOn is not null "
            + "and (later.occurredAt > i.occurredAt "
            + "or (later.occurredAt = i.occurredAt and later.loggedAt > i.loggedAt))) ";

    /**
     * The contacts of these supporters with these physicians since a time: supporter, physician,
     * when it happened, when it was logged.
     */
    @Query("select i.supporterId, i.physicianId, i.occurredAt, i.loggedAt from Interaction i "
            + "where i.supporterId in ?1 and i.physicianId in ?2 and i.occurredAt >= ?3")
    List<Object[]> contactsSince(Collection<Long> supporterIds, Collection<Long> physicianIds, Instant since);

    /** Every supporter's unanswered follow-ups dated from {@code from} to {@code to}, for the reminder. */
    @Query("select i from Interaction i where i.followUpOn between ?1 and ?2 and " + UNANSWERED
            + "order by i.followUpOn, i.occurredAt")
    List<Interaction> pendingFollowUps(LocalDate from, LocalDate to);

    /** One supporter's unanswered follow-ups dated from {@code from} to {@code to}. */
    @Query("select i from Interaction i where i.supporterId = ?1 and i.followUpOn between ?2 and ?3 and "
            + UNANSWERED + "order by i.followUpOn, i.occurredAt")
    List<Interaction> pendingFollowUpsOf(long supporterId, LocalDate from, LocalDate to);
}
