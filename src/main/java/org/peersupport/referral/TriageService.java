package org.peersupport.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.audit.AuditLog;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralEvents.ReferralAssigned;
import org.peersupport.referral.ReferralViews.CaseForCoordinator;
import org.peersupport.referral.ReferralViews.QueueRow;
import org.peersupport.referral.ReferralViews.TimeLeft;
import org.peersupport.referral.domain.Matching;
import org.peersupport.referral.domain.Referral;
import org.peersupport.referral.domain.ReferralQueue;
import org.peersupport.referral.domain.ReferralRepository;
import org.peersupport.referral.domain.ReferralRequestRepository;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.peersupport.supporter.Eligibility;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinators' side: the queue of their hospitals' cases, a case with its suggestions,
 * assignment and closing. Every view of a case and every change is written to the audit log.
 */
@Service
@Transactional(readOnly = true)
public class TriageService {

    /**
     * With no status chosen, the queue holds the open cases; closed ones are asked for by status.
     * {@code name} finds the referred physician by name or e-mail.
     */
    public record QueueFilter(Long hospitalId, Long departmentId, ReferralStatus status, ReferralSource source,
            Trigger trigger, Integer olderThanHours, String name, Boolean urgent, OverdueStage overdue) {

        /** The cases of one hospital (null: all), of one status (null: the open ones), in every other way. */
        public static QueueFilter of(Long hospitalId, ReferralStatus status) {
            return new QueueFilter(hospitalId, null, status, null, null, null, null, null, null);
        }

        /** The filters folded away on a phone: all but the name. */
        public boolean narrowed() {
            return hospitalId != null || departmentId != null || status != null || source != null || trigger != null
                    || olderThanHours != null || urgent != null || overdue != null;
        }
    }

    /**
     * What needs the coordinators of some hospitals now: their new cases, the new urgent ones, and
     * the open ones past a time target.
     */
    public record Attention(long newCases, long urgentNew, long assignmentOverdue, long firstContactOverdue) {

        public static final Attention NONE = new Attention(0, 0, 0, 0);

        /** The cases that need a coordinator to act: new ones, and those overdue for first contact. */
        public long toAct() {
            return newCases + firstContactOverdue;
        }
    }

    /** How many suggestions a case page shows at first; the rest are one link away. */
    public static final int SUGGESTIONS_SHOWN = 8;

    /** A name search looks among this many roster rows at most: enough for any name, not for one letter. */
    static final int NAME_MATCHES = 5_000;

    /**
     * A ranked suggestion as the coordinator reads it: the supporter's name with their own
     * department, so that two supporters of one name are told apart, the departments they serve
     * (the case's own first when they serve it), and whether they hold the case now.
     */
    public record NamedSuggestion(Matching.Suggestion suggestion, String name, String department,
            List<String> serves, boolean current) {
    }

    /** The first {@code ranked} of {@code total} suggestions (the current supporter first), and why the others are not. */
    public record Suggestions(List<NamedSuggestion> ranked, int total, Map<Matching.Exclusion, Long> excluded,
            org.peersupport.organization.MatchingPolicy policy) {

        public boolean more() {
            return ranked.size() < total;
        }
    }

    private final ReferralRepository referrals;

    private final ReferralRequestRepository requests;

    private final RosterService roster;

    private final OrganizationService organization;

    private final SupporterDirectory directory;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final JdbcTemplate jdbc;

    private final HospitalCalendar calendar;

    private final CaseContacts contacts;

    private final ReferralQueue queue;

    TriageService(ReferralRepository referrals, ReferralRequestRepository requests, RosterService roster,
            OrganizationService organization, SupporterDirectory directory, AuditLog audit,
            ApplicationEventPublisher events, JdbcTemplate jdbc, HospitalCalendar calendar, CaseContacts contacts,
            ReferralQueue queue) {
        this.queue = queue;
        this.contacts = contacts;
        this.referrals = referrals;
        this.requests = requests;
        this.roster = roster;
        this.organization = organization;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** In the order asked for; closed cases last. A fixed number of queries whatever the page size. */
    public Page<QueueRow> queue(QueueFilter filter, QueueOrder order, HospitalScope scope,
            Pageable pageable) {
        Instant now = calendar.now();
        List<Long> named = null;
        if (filter.name() != null && !filter.name().isBlank()) {
            named = roster.idsMatching(filter.name(), scope, NAME_MATCHES);
            if (named.isEmpty()) {
                return Page.empty(pageable);
            }
        }
        ProgramSettingsView settings = organization.settings();
        // Never null: PostgreSQL cannot type a null timestamp parameter in "? is null".
        Instant createdBefore = filter.olderThanHours() == null ? now.plus(Duration.ofDays(1))
                : now.minus(Duration.ofHours(filter.olderThanHours()));
        Page<ReferralQueue.Item> page = queue.page(new ReferralQueue.Criteria(scope.all() ? null : scope.hospitalIds(),
                filter.hospitalId(), filter.departmentId(), filter.status(), filter.source(), filter.trigger(),
                filter.urgent(), filter.overdue(), createdBefore, named), order, settings, now, pageable);
        List<ReferralQueue.Item> items = page.getContent();
        Names names = names(items.stream().map(ReferralQueue.Item::physicianId).toList(),
                items.stream().map(ReferralQueue.Item::hospitalId).toList(),
                items.stream().map(ReferralQueue.Item::supporterId).filter(java.util.Objects::nonNull).toList());
        Map<UUID, CaseContacts.Tally> tallies = contacts.tallies(items.stream().map(ReferralQueue.Item::id).toList());
        return page.map(r -> {
            ZoneId zone = names.zone(r.hospitalId());
            return new QueueRow(r.id(), names.physician(r.physicianId()), names.department(r.departmentId()),
                    names.hospital(r.hospitalId()), r.trigger(), r.source(), r.urgent(), r.status(),
                    r.createdAt().atZone(zone), Duration.between(r.createdAt(), now).toHours(),
                    TimeLeft.of(r.status(), r.urgent(), r.createdAt(), r.dueAt(), settings, now),
                    r.supporterId() == null ? null : names.supporter(r.supporterId()),
                    tallies.getOrDefault(r.id(), CaseContacts.Tally.NONE).escalated());
        });
    }

    /** Counts only, without any case: nothing is read that needs an audit entry. */
    public Attention attention(HospitalScope scope) {
        if (!scope.all() && scope.hospitalIds().isEmpty()) {
            return Attention.NONE;
        }
        long[] counts = queue.attention(scope.all() ? null : scope.hospitalIds(), organization.settings(),
                calendar.now());
        return new Attention(counts[0], counts[1], counts[2], counts[3]);
    }

    /** The queue as a coordinator reads it: every case listed is a read, and is audited. */
    @Transactional
    public Page<QueueRow> queueFor(CurrentUser coordinator, QueueFilter filter, QueueOrder order,
            Pageable pageable) {
        Page<QueueRow> page = queue(filter, order, coordinator.hospitalScope(), pageable);
        audit.recordAll(coordinator.accountId(), "LIST", "referral",
                page.getContent().stream().map(row -> row.id().toString()).toList());
        return page;
    }

    /** A case's page: the case and, while it is open, {@code shown} of its suggestions. */
    public record CasePage(CaseForCoordinator referral, Suggestions suggestions) {
    }

    /**
     * A case as its page shows it, read in one transaction: the case is loaded once, and its
     * suggestions (none for a closed case) reuse it.
     */
    @Transactional
    public CasePage casePage(UUID id, CurrentUser coordinator, int shown) {
        CaseForCoordinator c = caseFor(id, coordinator);
        return new CasePage(c, c.status() == ReferralStatus.CLOSED ? null
                : suggestions(id, coordinator.hospitalScope(), shown));
    }

    @Transactional
    public CaseForCoordinator caseFor(UUID id, CurrentUser coordinator) {
        Referral r = scoped(id, coordinator.hospitalScope());
        audit.record(coordinator.accountId(), "VIEW", "referral", id.toString());
        Names names = names(List.of(r));
        ZoneId zone = names.zone(r.getHospitalId());
        // Dates, modes, durations, outcomes and escalations; never a note.
        List<CaseContacts.Line> lines = contacts.coordinatorLines(id, zone);
        audit.recordAll(coordinator.accountId(), "LIST", "interaction",
                lines.stream().map(line -> line.id().toString()).toList());
        return new CaseForCoordinator(r.getId(), names.physician(r.getPhysicianId()),
                names.department(r.getDepartmentId()), names.hospital(r.getHospitalId()), r.getTrigger(),
                r.getSource(), r.isUrgent(), r.getStatus(), r.getOutcome(), r.getContext(), r.getEventDate(),
                r.getCreatedAt().atZone(zone), r.getDueAt() == null ? null : r.getDueAt().atZone(zone),
                TimeLeft.of(r.getStatus(), r.isUrgent(), r.getCreatedAt(), r.getDueAt(), organization.settings(),
                        calendar.now()),
                r.getSupporterId(), r.getSupporterId() == null ? null : names.supporter(r.getSupporterId()),
                requests.findByReferralIdOrderBySubmittedAtAsc(id).size() + r.getForgottenReferrals(), r.getVersion(),
                contacts.tally(id), lines);
    }

    /**
     * Ranked suggestions for a case, at most {@code limit} of them, with the count of those
     * excluded and why. The supporter who holds the case now comes first, so a reassignment
     * starts from them.
     */
    public Suggestions suggestions(UUID id, HospitalScope scope, int limit) {
        Referral r = scoped(id, scope);
        ProgramSettingsView settings = organization.settings();
        Matching.Result result = match(r, settings);
        List<Matching.Suggestion> ranked = new java.util.ArrayList<>(result.suggestions());
        if (r.getSupporterId() != null) {
            ranked.stream().filter(s -> s.supporterId() == r.getSupporterId()).findFirst().ifPresent(current -> {
                ranked.remove(current);
                ranked.add(0, current);
            });
        }
        List<Matching.Suggestion> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<Long, PhysicianSummary> people = roster.physicians(shown.stream().map(Matching.Suggestion::physicianId)
                .toList());
        Map<Long, String> departments = new HashMap<>();
        organization.departments(r.getHospitalId()).forEach(d -> departments.put(d.id(), d.name()));
        List<NamedSuggestion> named = shown.stream().map(s -> {
            PhysicianSummary person = people.get(s.physicianId());
            // The case's department first, then the others by name.
            List<String> serves = s.departmentIds().stream()
                    .sorted(java.util.Comparator.comparing((Long d) -> d != r.getDepartmentId())
                            .thenComparing(d -> departments.getOrDefault(d, "")))
                    .map(d -> departments.getOrDefault(d, "?")).toList();
            return new NamedSuggestion(s, person == null ? "?" : person.name(),
                    person == null ? "?" : person.departmentName(), serves,
                    r.getSupporterId() != null && s.supporterId() == r.getSupporterId());
        }).toList();
        return new Suggestions(named, ranked.size(), result.excluded(), settings.matchingPolicy());
    }

    /**
     * Assigns a suggested supporter and answers their name, for the confirmation. A supporter who
     * is not among the suggestions (a crafted request, or one who became ineligible meanwhile) is
     * refused with a message.
     */
    @Transactional
    public String assign(UUID id, long supporterId, long expectedVersion, CurrentUser coordinator) {
        Referral r = scoped(id, coordinator.hospitalScope());
        StaleEdit.check(r.getVersion(), expectedVersion, Referral.class, id);
        ProgramSettingsView settings = organization.settings();
        if (!match(r, settings).suggests(supporterId)) {
            throw new RuleViolationException("supporterId", "referral.error.ineligible");
        }
        r.assignTo(supporterId, calendar.now(), settings.firstContactTarget(r.isUrgent()));
        referrals.saveAndFlush(r);
        audit.record(coordinator.accountId(), "ASSIGN", "referral", id.toString());
        events.publishEvent(new ReferralAssigned(id, supporterId));
        return names(List.of(r)).supporter(supporterId);
    }

    @Transactional
    public void close(UUID id, Outcome outcome, long expectedVersion, CurrentUser coordinator) {
        // Locked, so a contact being logged meanwhile is counted before "no response" is judged.
        Referral r = referrals.findLocked(id).filter(c -> coordinator.hospitalScope().includes(c.getHospitalId()))
                .orElseThrow(NotFoundException::new);
        StaleEdit.check(r.getVersion(), expectedVersion, Referral.class, id);
        r.close(outcome, calendar.now(), contacts.tally(id).noResponses());
        referrals.saveAndFlush(r);
        audit.record(coordinator.accountId(), "CLOSE", "referral", id.toString());
    }

    private Matching.Result match(Referral r, ProgramSettingsView settings) {
        // Every referrer of the case, not only the first: none of them may be suggested for it.
        Set<Long> referrer = new HashSet<>();
        requests.findByReferralIdOrderBySubmittedAtAsc(r.getId()).stream().map(q -> q.getReferrerPhysicianId())
                .filter(java.util.Objects::nonNull).forEach(referrer::add);
        // Open cases of every supporter of the hospital, counted once; the directory needs them to judge capacity.
        Map<Long, Integer> open = new HashMap<>();
        for (Object[] row : referrals.countOpenBySupporterInHospital(r.getHospitalId())) {
            open.put((Long) row[0], ((Long) row[1]).intValue());
        }
        LocalDate today = calendar.today(r.getHospitalId());
        Eligibility eligibility = directory.forCase(r.getHospitalId(), today, r.getPhysicianId(), referrer, open);
        Set<Long> declined = new HashSet<>(jdbc.queryForList(
                "select supporter_id from referral_decline where referral_id = ?", Long.class, r.getId()));
        return Matching.rank(eligibility, settings.matchingPolicy(), r.getDepartmentId(), declined);
    }

    private Referral scoped(UUID id, HospitalScope scope) {
        return referrals.findById(id).filter(r -> scope.includes(r.getHospitalId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Names for a page of cases: a fixed number of queries, however many cases. */
    Names names(List<Referral> page) {
        return names(page.stream().map(Referral::getPhysicianId).toList(),
                page.stream().map(Referral::getHospitalId).toList(),
                page.stream().map(Referral::getSupporterId).filter(java.util.Objects::nonNull).toList());
    }

    private Names names(Collection<Long> physicianIds, Collection<Long> hospitalIds, Collection<Long> supporterIds) {
        Map<Long, PhysicianSummary> physicians = roster.physicians(physicianIds);
        Map<Long, String> departments = new HashMap<>();
        Map<Long, String> hospitals = new HashMap<>();
        Map<Long, ZoneId> zones = new HashMap<>();
        // Only the hospitals of the cases shown, and their departments: never the whole program's.
        if (!hospitalIds.isEmpty()) {
            HospitalScope shown = HospitalScope.of(Set.copyOf(hospitalIds));
            organization.hospitals(shown).forEach(h -> {
                hospitals.put(h.id(), h.name());
                zones.put(h.id(), h.timeZone());
            });
            for (DepartmentSummary d : organization.departments(shown)) {
                departments.put(d.id(), d.name());
            }
        }
        Map<Long, String> supporters = new HashMap<>();
        if (!supporterIds.isEmpty()) {
            Map<Long, Long> physicianOfSupporter = directory.physicianIds(Set.copyOf(supporterIds));
            Map<Long, PhysicianSummary> supporterPeople = roster.physicians(physicianOfSupporter.values());
            physicianOfSupporter.forEach((s, p) -> supporters.put(s,
                    supporterPeople.containsKey(p) ? supporterPeople.get(p).name() : "?"));
        }
        return new Names(physicians, departments, hospitals, zones, supporters);
    }

    record Names(Map<Long, PhysicianSummary> physicians, Map<Long, String> departments, Map<Long, String> hospitals,
            Map<Long, ZoneId> zones, Map<Long, String> supporters) {

        String physician(long id) {
            return physicians.containsKey(id) ? physicians.get(id).name() : "?";
        }

        String department(long id) {
            return departments.getOrDefault(id, "");
        }

        String hospital(long id) {
            return hospitals.getOrDefault(id, "");
        }

        ZoneId zone(long id) {
            return zones.getOrDefault(id, ZoneId.of("UTC"));
        }

        String supporter(long id) {
            return supporters.getOrDefault(id, "?");
        }
    }
}
