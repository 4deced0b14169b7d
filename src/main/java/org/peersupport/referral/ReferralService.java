package org.peersupport.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterQuery;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralEvents.ReferralReceived;
import org.peersupport.referral.ReferralViews.SentReferral;
import org.peersupport.referral.domain.Referral;
import org.peersupport.referral.domain.ReferralRepository;
import org.peersupport.referral.domain.ReferralRequest;
import org.peersupport.referral.domain.ReferralRequestRepository;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: any signed-in person refers a colleague or themselves. A person who already has an
 * open case gets no second one: the referral joins it. A double-clicked submit adds nothing.
 */
@Service
@Transactional(readOnly = true)
public class ReferralService {

    /** What the referrer typed; the colleague is a roster id, or the referrer themselves. */
    public record NewReferral(Long colleagueId, boolean myself, boolean asLeader, Trigger trigger, boolean danger,
            String context, boolean named, UUID submissionKey) {
    }

    /**
     * The confirmation says only that the referral was received and, if this referrer said someone
     * is in danger, where help is now. Never the case's own urgency: a referral joining an urgent
     * case must not tell its referrer that someone else feared danger.
     */
    public record Receipt(boolean urgent) {
    }

    public record Colleague(long id, String name, String departmentLabel) {
    }

    private final ReferralRepository referrals;

    private final ReferralRequestRepository requests;

    private final RosterService roster;

    private final OrganizationService organization;

    private final ApplicationEventPublisher events;

    private final HospitalCalendar calendar;

    private final org.peersupport.resource.ResourceService resources;

    ReferralService(ReferralRepository referrals, ReferralRequestRepository requests, RosterService roster,
            OrganizationService organization, ApplicationEventPublisher events, HospitalCalendar calendar,
            org.peersupport.resource.ResourceService resources) {
        this.resources = resources;
        this.referrals = referrals;
        this.requests = requests;
        this.roster = roster;
        this.organization = organization;
        this.events = events;
        this.calendar = calendar;
    }

    /** Colleagues by name, across the program, for the referral form: names and departments only. */
    public List<Colleague> colleagues(String text) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        String query = text.strip().length() > 100 ? text.strip().substring(0, 100) : text.strip();
        return roster.search(new RosterQuery(query, null, null, true), HospitalScope.everything(),
                PageRequest.of(0, 10)).stream()
                .map(p -> new Colleague(p.id(), p.name(), p.departmentName() + ", " + p.hospitalName())).toList();
    }

    /** The referrer's own hospital's crisis lines, for the danger screen beside 911 and 988. */
    public List<org.peersupport.resource.ResourceView> hospitalCrisisLines(CurrentUser referrer) {
        return referrer.physicianId().flatMap(roster::physician)
                .map(p -> resources.crisisLines(java.util.Set.of(p.hospitalId())).stream()
                        .filter(r -> r.hospitalId() != null).toList())
                .orElse(List.of());
    }

    public Optional<Colleague> colleague(long id) {
        return roster.physician(id).filter(PhysicianSummary::active)
                .map(p -> new Colleague(p.id(), p.name(), p.departmentName() + ", " + p.hospitalName()));
    }

    @Transactional
    public Receipt refer(CurrentUser referrer, NewReferral form) {
        Optional<ReferralRequest> again = requests.findBySubmissionKey(form.submissionKey());
        if (again.isPresent()) {
            return new Receipt(form.danger());
        }
        PhysicianSummary referred = referredPhysician(referrer, form);
        ReferralSource source = form.myself() ? ReferralSource.SELF
                : form.asLeader() ? ReferralSource.LEADER : ReferralSource.COLLEAGUE;
        Referral referral = intake(referred, source, form.trigger(), form.danger(), form.context(), null);
        requests.save(new ReferralRequest(referral.getId(), referrer.accountId(), referrer.physicianId().orElse(null),
                form.named() && !form.myself(), form.submissionKey(), calendar.now()));
        return new Receipt(form.danger());
    }

    /**
     * An event recorded by a coordinator: each involved physician of their hospitals gets a
     * referral with source EVENT (or joins their open case). Returns how many physicians.
     */
    @Transactional
    public int recordEvent(CurrentUser coordinator, Trigger trigger, LocalDate date, List<Long> physicianIds,
            String context) {
        List<PhysicianSummary> involved = new ArrayList<>();
        for (Long id : physicianIds) {
            involved.add(roster.physician(id).filter(p -> coordinator.hospitalScope()
                    .includes(p.hospitalId())).filter(PhysicianSummary::active)
                    .orElseThrow(() -> new RuleViolationException("emails", "event.error.unknownPhysician")));
        }
        // The event happened where the physicians work: on or before today there, within a year.
        for (PhysicianSummary physician : involved) {
            LocalDate today = calendar.today(physician.hospitalId());
            if (date.isAfter(today) || date.isBefore(today.minusYears(1))) {
                throw new RuleViolationException("eventDate", "event.error.date");
            }
        }
        for (PhysicianSummary physician : involved) {
            Referral referral = intake(physician, ReferralSource.EVENT, trigger, false, context, date);
            requests.save(new ReferralRequest(referral.getId(), coordinator.accountId(),
                    coordinator.physicianId().orElse(null), false, UUID.randomUUID(), calendar.now()));
        }
        return physicianIds.size();
    }

    /**
     * What I referred, one row per case, the one I referred last first: whom, when first, and
     * only received / in progress / closed.
     */
    public Page<SentReferral> sentBy(CurrentUser referrer, Pageable pageable) {
        Page<Object[]> mine = requests.casesReferredBy(referrer.accountId(), pageable);
        Map<UUID, Referral> cases = new java.util.HashMap<>();
        referrals.findAllById(mine.map(row -> (UUID) row[0]).toList()).forEach(r -> cases.put(r.getId(), r));
        Map<Long, PhysicianSummary> people = roster.physicians(
                cases.values().stream().map(Referral::getPhysicianId).toList());
        // Who opened each case; a referral by anyone else joined a case that already existed.
        Map<UUID, Long> openedBy = new java.util.HashMap<>();
        requests.findByReferralIdInOrderBySubmittedAtAsc(cases.keySet())
                .forEach(q -> openedBy.putIfAbsent(q.getReferralId(), q.getReferrerAccountId()));
        return mine.map(row -> {
            Referral r = cases.get((UUID) row[0]);
            PhysicianSummary p = people.get(r.getPhysicianId());
            ZoneId zone = calendar.zone(r.getHospitalId());
            // A referral that joined an open case reads "received" until the case closes, so it
            // never reveals that someone else had already referred the colleague.
            boolean joined = !Long.valueOf(referrer.accountId()).equals(openedBy.get(r.getId()));
            String state = joined && r.getStatus() != ReferralStatus.CLOSED ? ReferralStatus.NEW.forReferrer()
                    : r.getStatus().forReferrer();
            boolean self = referrer.physicianId().filter(id -> id == r.getPhysicianId()).isPresent();
            return new SentReferral(p == null ? "" : p.name(), self, ((Instant) row[1]).atZone(zone), state);
        });
    }

    private PhysicianSummary referredPhysician(CurrentUser referrer, NewReferral form) {
        if (form.myself()) {
            return referrer.physicianId().flatMap(roster::physician)
                    .orElseThrow(() -> new RuleViolationException("colleagueId", "referral.error.notOnRoster"));
        }
        if (form.colleagueId() == null) {
            throw new RuleViolationException("colleagueId", "referral.error.chooseColleague");
        }
        return roster.physician(form.colleagueId()).filter(PhysicianSummary::active)
                .orElseThrow(() -> new RuleViolationException("colleagueId", "referral.error.unknownColleague"));
    }

    private Referral intake(PhysicianSummary physician, ReferralSource source, Trigger trigger, boolean urgent,
            String context, LocalDate eventDate) {
        Instant now = calendar.now();
        Optional<Referral> open = referrals.findOpenFor(physician.id());
        if (open.isPresent()) {
            open.get().joined(urgent);
            return open.get();
        }
        Referral referral = referrals.save(new Referral(physician.hospitalId(), physician.departmentId(),
                physician.id(), source, trigger, urgent, context, eventDate, now));
        events.publishEvent(new ReferralReceived(referral.getId(), referral.getHospitalId()));
        return referral;
    }
}
