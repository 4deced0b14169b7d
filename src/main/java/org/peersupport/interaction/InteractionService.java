package org.peersupport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.account.CurrentUser;
import org.peersupport.audit.AuditLog;
import org.peersupport.interaction.InteractionEvents.EscalationRaised;
import org.peersupport.interaction.InteractionViews.Acknowledgement;
import org.peersupport.interaction.InteractionViews.ContactTarget;
import org.peersupport.interaction.InteractionViews.Escalation;
import org.peersupport.interaction.InteractionViews.FollowUp;
import org.peersupport.interaction.InteractionViews.MyContact;
import org.peersupport.interaction.domain.EscalationAcknowledgement;
import org.peersupport.interaction.domain.EscalationAcknowledgementRepository;
import org.peersupport.interaction.domain.Interaction;
import org.peersupport.interaction.domain.InteractionNoteRepository;
import org.peersupport.interaction.domain.InteractionRepository;
import org.peersupport.interaction.domain.PendingEscalation;
import org.peersupport.interaction.domain.PendingEscalationRepository;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.CaseService;
import org.peersupport.referral.ReferralViews.ContactableCase;
import org.peersupport.resource.ResourceService;
import org.peersupport.resource.ResourceView;
import org.peersupport.shared.AccountNames;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterDirectory.Outreach;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging contacts on a case or as a proactive check-in, and reading them back: the supporter
 * their own (with their notes), a coordinator the escalations of their hospitals (never a note).
 * Every read and every contact logged is written to the audit log.
 */
@Service
@Transactional(readOnly = true)
public class InteractionService {

    /** How far back a check-in may be logged: it is a log of recent outreach, not a diary. */
    static final Duration CHECK_IN_WINDOW = Duration.ofDays(90);

    /** A follow-up missed for this long has lapsed: it leaves the supporter's list. */
    static final int FOLLOW_UP_LAPSE_DAYS = 30;

    private final InteractionRepository interactions;

    private final InteractionNoteRepository notes;

    private final CaseService cases;

    private final SupporterDirectory supporters;

    private final RosterService roster;

    private final OrganizationService organization;

    private final ResourceService resources;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final HospitalCalendar calendar;

    private final EscalationAcknowledgementRepository acknowledgements;

    private final AccountNames accountNames;

    private final PendingEscalationRepository pendingEscalations;

    InteractionService(InteractionRepository interactions, InteractionNoteRepository notes, CaseService cases,
            SupporterDirectory supporters, RosterService roster, OrganizationService organization,
            ResourceService resources, AuditLog audit, ApplicationEventPublisher events, HospitalCalendar calendar,
            EscalationAcknowledgementRepository acknowledgements, AccountNames accountNames,
            PendingEscalationRepository pendingEscalations) {
        this.pendingEscalations = pendingEscalations;
        this.acknowledgements = acknowledgements;
        this.accountNames = accountNames;
        this.interactions = interactions;
        this.notes = notes;
        this.cases = cases;
        this.supporters = supporters;
        this.roster = roster;
        this.organization = organization;
        this.resources = resources;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
    }

    /** The contact form for one of the supporter's open cases (another case is a 404); the read is audited. */
    @Transactional
    public ContactTarget caseTarget(UUID caseId, CurrentUser supporter) {
        ContactableCase c = cases.contactable(caseId, supporter, false);
        PhysicianSummary p = roster.physician(c.physicianId()).orElseThrow(NotFoundException::new);
        ZoneId zone = calendar.zone(c.hospitalId());
        return new ContactTarget(c.id(), p.id(), p.name(), p.departmentName(), zone, calendar.today(zone),
                resources.escalationChoices(c.hospitalId()));
    }

    /** The check-in form: any active roster physician of the departments the supporter serves. */
    public ContactTarget checkInTarget(CurrentUser supporter) {
        Outreach outreach = outreach(supporter);
        ZoneId zone = calendar.zone(outreach.hospitalId());
        return new ContactTarget(null, null, null, null, zone, calendar.today(zone),
                resources.escalationChoices(outreach.hospitalId()));
    }

    /** The colleague of one of the supporter's own check-ins, to follow it up; anything else is none. */
    public Long checkInFollowedUp(UUID interactionId, CurrentUser supporter) {
        long supporterId = supporterId(supporter);
        return interactions.findById(interactionId).filter(i -> i.getSupporterId() == supporterId)
                .filter(i -> i.getReferralId() == null).map(Interaction::getPhysicianId).orElse(null);
    }

    /** Whom a supporter may check in with, by name: themselves and declared conflicts excepted. */
    public List<PhysicianSummary> checkInChoices(CurrentUser supporter) {
        Outreach outreach = outreach(supporter);
        long self = supporter.physicianId().orElseThrow(NotFoundException::new);
        Set<Long> ids = roster.activeMembers(outreach.departmentIds()).stream().map(m -> m.physicianId())
                .filter(id -> id != self && !outreach.conflicts().contains(id)).collect(Collectors.toSet());
        return roster.physicians(ids).values().stream()
                .sorted(Comparator.comparing(PhysicianSummary::departmentName).thenComparing(PhysicianSummary::name))
                .toList();
    }

    /** Logs a contact on a case. The first one moves the case to CONTACTED; a red flag tells the coordinators. */
    @Transactional
    public UUID logOnCase(UUID caseId, ContactDetails details, CurrentUser supporter) {
        ContactableCase c = cases.contactable(caseId, supporter, true);
        java.util.Optional<Interaction> sent = already(details, c.supporterId());
        if (sent.isPresent()) {
            return sent.get().getId();
        }
        // Not before the case was given to this supporter: the first-contact clock cannot be wound back.
        Interaction.Window window = window(c.hospitalId(), c.assignedAt(), "interaction.error.beforeCase");
        Interaction interaction = Interaction.log(new Interaction.Subject(c.hospitalId(), c.departmentId(),
                c.physicianId(), c.supporterId(), c.id()), details, window);
        save(interaction, details.note(), supporter);
        cases.contacted(c.id(), interaction.getOccurredAt(), supporter);
        return interaction.getId();
    }

    /** Logs a proactive check-in with a physician of a department the supporter serves. */
    @Transactional
    public UUID logCheckIn(Long physicianId, ContactDetails details, CurrentUser supporter) {
        Outreach outreach = outreach(supporter);
        java.util.Optional<Interaction> sent = already(details, outreach.supporterId());
        if (sent.isPresent()) {
            return sent.get().getId();
        }
        PhysicianSummary p = physicianId == null ? null : roster.physician(physicianId)
                .filter(PhysicianSummary::active)
                .filter(found -> outreach.departmentIds().contains(found.departmentId()))
                .filter(found -> !outreach.conflicts().contains(found.id()))
                .filter(found -> supporter.physicianId().map(self -> self != found.id()).orElse(true))
                .orElse(null);
        if (p == null) {
            throw new RuleViolationException("physicianId", "interaction.error.physician");
        }
        Interaction.Window window = window(p.hospitalId(), calendar.now().minus(CHECK_IN_WINDOW),
                "interaction.error.tooLongAgo");
        Interaction interaction = Interaction.log(new Interaction.Subject(p.hospitalId(), p.departmentId(), p.id(),
                outreach.supporterId(), null), details, window);
        save(interaction, details.note(), supporter);
        return interaction.getId();
    }

    /** Whether this supporter logged a contact with this submission key. */
    public boolean logged(UUID submissionKey, CurrentUser supporter) {
        long supporterId = supporterId(supporter);
        return interactions.findBySubmissionKey(submissionKey).filter(i -> i.getSupporterId() == supporterId)
                .isPresent();
    }

    /** The supporter's own contacts, newest first, with their notes while kept; every one shown is audited. */
    @Transactional
    public Page<MyContact> myContacts(CurrentUser supporter, Pageable pageable) {
        long supporterId = supporterId(supporter);
        Page<Interaction> page = interactions.findBySupporterIdOrderByOccurredAtDescLoggedAtDesc(supporterId, pageable);
        Map<UUID, String> own = notes.bodiesBy(supporter.accountId(), page.getContent());
        Map<Long, PhysicianSummary> people = roster.physicians(
                page.getContent().stream().map(Interaction::getPhysicianId).collect(Collectors.toSet()));
        audit.recordAll(supporter.accountId(), "VIEW", "interaction",
                page.getContent().stream().map(i -> i.getId().toString()).toList());
        return page.map(i -> new MyContact(i.getId(), i.getReferralId(), name(people, i.getPhysicianId()),
                i.getOccurredAt().atZone(calendar.zone(i.getHospitalId())), i.getMode(),
                i.getMinutes(), i.getOutcome(), i.isEscalated(), i.getFollowUpOn(), own.get(i.getId())));
    }

    /**
     * The supporter's follow-ups not yet made, soonest first; due ones are those dated today or
     * earlier. One missed for more than a month has lapsed and leaves the list. Every one is audited.
     */
    @Transactional
    public List<FollowUp> followUps(CurrentUser supporter) {
        List<Interaction> pending = pendingFollowUps(supporterId(supporter));
        audit.recordAll(supporter.accountId(), "LIST", "interaction",
                pending.stream().map(i -> i.getId().toString()).toList());
        Map<Long, PhysicianSummary> people = roster.physicians(
                pending.stream().map(Interaction::getPhysicianId).collect(Collectors.toSet()));
        return pending.stream().map(i -> {
            PhysicianSummary p = people.get(i.getPhysicianId());
            LocalDate today = calendar.today(i.getHospitalId());
            return new FollowUp(i.getId(), i.getReferralId(), p == null ? "?" : p.name(),
                    p == null ? "" : p.departmentName(), i.getFollowUpOn(), !i.getFollowUpOn().isAfter(today));
        }).toList();
    }

    /**
     * Escalated contacts in the coordinator's hospitals (only those nobody acknowledged yet, when
     * asked), newest first, with their acknowledgements; never a supporter's note. Every one
     * listed is audited.
     */
    @Transactional
    public Page<Escalation> escalations(CurrentUser coordinator, boolean unacknowledgedOnly, Pageable pageable) {
        HospitalScope scope = coordinator.hospitalScope();
        Set<Long> hospitals = scope.hospitalIds().isEmpty() ? Set.of(-1L) : scope.hospitalIds();
        Page<Interaction> page;
        if (unacknowledgedOnly) {
            page = scope.all() ? interactions.findUnacknowledged(pageable)
                    : interactions.findUnacknowledgedIn(hospitals, pageable);
        }
        else {
            page = scope.all() ? interactions.findEscalated(pageable) : interactions.findEscalatedIn(hospitals, pageable);
        }
        audit.recordAll(coordinator.accountId(), "LIST", "interaction",
                page.getContent().stream().map(i -> i.getId().toString()).toList());
        List<Escalation> shown = escalations(page.getContent());
        return new PageImpl<>(shown, pageable, page.getTotalElements());
    }

    /** One escalation of the coordinator's hospitals, to acknowledge it; anything else is a 404. The read is audited. */
    @Transactional
    public Escalation escalation(UUID id, CurrentUser coordinator) {
        Interaction i = escalated(id, coordinator);
        audit.record(coordinator.accountId(), "VIEW", "interaction", id.toString());
        return escalations(List.of(i)).get(0);
    }

    /**
     * A coordinator acknowledges an escalation of their hospitals, with a note of what was done.
     * Once: a second acknowledgement, by anyone, is refused with a message. Audited.
     */
    @Transactional
    public void acknowledge(UUID id, String note, CurrentUser coordinator) {
        Interaction i = escalated(id, coordinator);
        EscalationAcknowledgement acknowledgement = new EscalationAcknowledgement(i, coordinator.accountId(), note,
                calendar.now());
        // Taken off the waiting list first: of two coordinators at the same moment, the second
        // waits for the first's row lock, then finds nothing left to take.
        if (pendingEscalations.remove(id) == 0) {
            throw new RuleViolationException("note", acknowledgements.existsById(id)
                    ? "escalation.error.alreadyAcknowledged" : "escalation.error.notPending");
        }
        acknowledgements.saveAndFlush(acknowledgement);
        audit.record(coordinator.accountId(), "ACKNOWLEDGE", "interaction", id.toString());
    }

    /** How many escalations of these hospitals nobody has acknowledged yet: a count, for the home page. */
    public long unacknowledged(HospitalScope scope) {
        if (!scope.all() && scope.hospitalIds().isEmpty()) {
            return 0;
        }
        return scope.all() ? pendingEscalations.count() : pendingEscalations.countInHospitals(scope.hospitalIds().toArray(Long[]::new));
    }

    private Interaction escalated(UUID id, CurrentUser coordinator) {
        return interactions.findById(id).filter(Interaction::isEscalated)
                .filter(i -> coordinator.hospitalScope().includes(i.getHospitalId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Escalations as a coordinator reads them: a fixed number of queries, however many. */
    private List<Escalation> escalations(List<Interaction> list) {
        Set<Long> physicianIds = new HashSet<>();
        list.forEach(i -> physicianIds.add(i.getPhysicianId()));
        Map<Long, Long> supporterPhysician = supporters.physicianIds(
                list.stream().map(Interaction::getSupporterId).collect(Collectors.toSet()));
        physicianIds.addAll(supporterPhysician.values());
        Map<Long, PhysicianSummary> people = roster.physicians(physicianIds);
        Map<Long, String> resourceNames = resources.names(
                list.stream().flatMap(i -> i.getResourceIds().stream()).collect(Collectors.toSet()));
        Map<Long, HospitalSummary> hospitalsById = organization.hospitals(HospitalScope.everything()).stream()
                .collect(Collectors.toMap(HospitalSummary::id, h -> h));
        Map<UUID, EscalationAcknowledgement> acknowledged = new HashMap<>();
        Set<UUID> pending = new HashSet<>();
        if (!list.isEmpty()) {
            List<UUID> ids = list.stream().map(Interaction::getId).toList();
            acknowledgements.findAllById(ids).forEach(a -> acknowledged.put(a.getInteractionId(), a));
            pendingEscalations.findAllById(ids).forEach(p -> pending.add(p.getInteractionId()));
        }
        Map<Long, String> coordinators = acknowledged.isEmpty() ? Map.of() : accountNames.namesOf(
                acknowledged.values().stream().map(EscalationAcknowledgement::getAccountId)
                        .collect(Collectors.toSet()));
        return list.stream().map(i -> {
            PhysicianSummary p = people.get(i.getPhysicianId());
            HospitalSummary h = hospitalsById.get(i.getHospitalId());
            Long supporterPhysicianId = supporterPhysician.get(i.getSupporterId());
            ZoneId zone = calendar.zone(i.getHospitalId());
            EscalationAcknowledgement a = acknowledged.get(i.getId());
            return new Escalation(i.getId(), i.getReferralId(), p == null ? "?" : p.name(),
                    p == null ? "" : p.departmentName(), h == null ? "" : h.name(),
                    supporterPhysicianId == null ? "?" : name(people, supporterPhysicianId),
                    i.getOccurredAt().atZone(zone), i.getOutcome(), i.getEscalationAction(),
                    i.resourceNames(resourceNames), pending.contains(i.getId()), a == null ? null
                            : new Acknowledgement(coordinators.getOrDefault(a.getAccountId(), "?"),
                                    a.getAcknowledgedAt().atZone(zone), a.getNote()));
        }).toList();
    }

    /** How many of the supporter's follow-ups are due today or were due earlier: a count, naming nobody. */
    public long followUpsDue(CurrentUser supporter) {
        return pendingFollowUps(supporterId(supporter)).stream()
                .filter(i -> !i.getFollowUpOn().isAfter(calendar.today(i.getHospitalId()))).count();
    }

    /** The supporter's follow-ups not yet made and not lapsed, soonest first. */
    private List<Interaction> pendingFollowUps(long supporterId) {
        // A day's slack on each side of UTC's today; each follow-up is then judged by its hospital's.
        LocalDate utcToday = calendar.today(ZoneOffset.UTC);
        return pending(interactions.pendingFollowUpsOf(supporterId,
                utcToday.minusDays(FOLLOW_UP_LAPSE_DAYS + 1), utcToday.plusDays(Interaction.MAX_FOLLOW_UP_DAYS + 2)))
                .stream().filter(i -> !i.getFollowUpOn()
                        .isBefore(calendar.today(i.getHospitalId()).minusDays(FOLLOW_UP_LAPSE_DAYS)))
                .toList();
    }

    /**
     * Follow-ups not yet made: less those on cases closed or handed to another supporter since,
     * and those answered by a later contact made on or after the day they were due (at the
     * hospital). A contact logged in between, such as a message that went unanswered, leaves the
     * follow-up where it was.
     */
    List<Interaction> pending(List<Interaction> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Map<UUID, Long> open = cases.openCaseSupporters(candidates.stream().map(Interaction::getReferralId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        // Every later contact of the same pairs: (occurred, logged) orders them, as the list does.
        Map<List<Long>, List<Instant[]>> contacts = new HashMap<>();
        for (Object[] row : interactions.contactsSince(
                candidates.stream().map(Interaction::getSupporterId).collect(Collectors.toSet()),
                candidates.stream().map(Interaction::getPhysicianId).collect(Collectors.toSet()),
                candidates.stream().map(Interaction::getOccurredAt).min(Comparator.naturalOrder()).orElseThrow())) {
            contacts.computeIfAbsent(List.of((Long) row[0], (Long) row[1]), k -> new java.util.ArrayList<>())
                    .add(new Instant[] {(Instant) row[2], (Instant) row[3]});
        }
        return candidates.stream().filter(i -> i.getReferralId() == null
                || Long.valueOf(i.getSupporterId()).equals(open.get(i.getReferralId())))
                .filter(i -> contacts.getOrDefault(List.of(i.getSupporterId(), i.getPhysicianId()), List.of()).stream()
                        .noneMatch(c -> answers(c[0], c[1], i)))
                .toList();
    }

    /** A contact made after this one, on or after the day its follow-up was due at the hospital. */
    private boolean answers(Instant occurredAt, Instant loggedAt, Interaction followUp) {
        boolean later = occurredAt.isAfter(followUp.getOccurredAt())
                || occurredAt.equals(followUp.getOccurredAt()) && loggedAt.isAfter(followUp.getLoggedAt());
        return later && !occurredAt.atZone(calendar.zone(followUp.getHospitalId())).toLocalDate()
                .isBefore(followUp.getFollowUpOn());
    }

    private void save(Interaction interaction, String note, CurrentUser supporter) {
        interactions.saveAndFlush(interaction);
        interaction.note(note, supporter.accountId()).ifPresent(notes::save);
        audit.record(supporter.accountId(), "LOG", "interaction", interaction.getId().toString());
        if (interaction.isEscalated()) {
            pendingEscalations.save(new PendingEscalation(interaction));
            events.publishEvent(new EscalationRaised(interaction.getId(), interaction.getHospitalId(),
                    interaction.getReferralId()));
        }
    }

    /** A submit sent twice finds the contact the first one logged, if it was this supporter's. */
    private java.util.Optional<Interaction> already(ContactDetails details, long supporterId) {
        return details.submissionKey() == null ? java.util.Optional.empty()
                : interactions.findBySubmissionKey(details.submissionKey())
                        .filter(i -> i.getSupporterId() == supporterId);
    }

    private Interaction.Window window(long hospitalId, Instant notBefore, String notBeforeMessage) {
        Set<Long> usable = resources.escalationChoices(hospitalId).stream().map(ResourceView::id)
                .collect(Collectors.toSet());
        return new Interaction.Window(notBefore, notBeforeMessage, calendar.now(), calendar.today(hospitalId),
                usable);
    }

    private Outreach outreach(CurrentUser supporter) {
        return supporter.physicianId().flatMap(supporters::outreach).orElseThrow(NotFoundException::new);
    }

    private long supporterId(CurrentUser supporter) {
        return supporter.physicianId().flatMap(supporters::supporterOf).orElseThrow(NotFoundException::new);
    }

    private static String name(Map<Long, PhysicianSummary> people, long physicianId) {
        PhysicianSummary p = people.get(physicianId);
        return p == null ? "?" : p.name();
    }
}
