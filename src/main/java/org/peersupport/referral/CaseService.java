package org.peersupport.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.audit.AuditLog;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralEvents.ReferralReceived;
import org.peersupport.referral.ReferralViews.CaseForSupporter;
import org.peersupport.referral.ReferralViews.ContactableCase;
import org.peersupport.referral.ReferralViews.TimeLeft;
import org.peersupport.referral.domain.Referral;
import org.peersupport.referral.domain.ReferralRepository;
import org.peersupport.referral.domain.ReferralRequestRepository;
import org.peersupport.shared.NotFoundException;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supporter's side: "My cases", only the cases assigned to them. Another case's id in the
 * URL is a 404. Every opened case is written to the audit log.
 */
@Service
@Transactional(readOnly = true)
public class CaseService {

    private final ReferralRepository referrals;

    private final ReferralRequestRepository requests;

    private final RosterService roster;

    private final SupporterDirectory directory;

    private final TriageService triage;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final CaseContacts contacts;

    CaseService(ReferralRepository referrals, ReferralRequestRepository requests, RosterService roster,
            SupporterDirectory directory, TriageService triage, AuditLog audit, ApplicationEventPublisher events,
            JdbcTemplate jdbc, Clock clock, CaseContacts contacts) {
        this.contacts = contacts;
        this.referrals = referrals;
        this.requests = requests;
        this.roster = roster;
        this.directory = directory;
        this.triage = triage;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The open cases assigned to the signed-in supporter, most urgent and soonest due first; audited. */
    @Transactional
    public List<CaseForSupporter> myCases(CurrentUser supporter) {
        long supporterId = supporterId(supporter);
        List<Referral> cases = referrals.openCasesOf(supporterId);
        audit.recordAll(supporter.accountId(), "LIST", "referral",
                cases.stream().map(r -> r.getId().toString()).toList());
        return views(cases, null);
    }

    /**
     * The supporter's cases still waiting for a first contact, and the time left on the one due
     * first: counts for their home page, naming nobody, so nothing is read that needs an audit entry.
     */
    public record Waiting(int cases, TimeLeft soonest) {
    }

    public Waiting waiting(CurrentUser supporter) {
        List<Referral> waiting = referrals.openCasesOf(supporterId(supporter)).stream()
                .filter(r -> r.getStatus() == ReferralStatus.ASSIGNED).toList();
        Instant soonest = waiting.stream().map(Referral::getDueAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new Waiting(waiting.size(), TimeLeft.until(soonest, clock.instant()));
    }

    /** One of the supporter's open cases, with its contacts and the notes they wrote; every read audited. */
    @Transactional
    public CaseForSupporter myCase(UUID id, CurrentUser supporter) {
        Referral r = own(id, supporter);
        audit.record(supporter.accountId(), "VIEW", "referral", id.toString());
        CaseForSupporter view = views(List.of(r), supporter).get(0);
        audit.recordAll(supporter.accountId(), "VIEW", "interaction",
                view.contacts().stream().map(line -> line.id().toString()).toList());
        return view;
    }

    /**
     * For the contact form: one of the supporter's open cases, or a 404. Opening the form reads
     * the case, so it is audited. With {@code lock}, the case stays locked until the contact is logged.
     */
    @Transactional
    public ContactableCase contactable(UUID id, CurrentUser supporter, boolean lock) {
        Referral r = own(id, supporter, lock);
        audit.record(supporter.accountId(), "VIEW", "referral", id.toString());
        return new ContactableCase(r.getId(), r.getHospitalId(), r.getDepartmentId(), r.getPhysicianId(),
                r.getSupporterId(), r.getAssignedAt());
    }

    /** A contact was logged on the case: the first one stops its first-contact clock. */
    @Transactional
    public void contacted(UUID id, Instant at, CurrentUser supporter) {
        Referral r = own(id, supporter, true);
        r.contacted(at);
        referrals.saveAndFlush(r);
    }

    /** The supporter closes their case with its outcome; "no response" only after two unanswered attempts. */
    @Transactional
    public void close(UUID id, Outcome outcome, CurrentUser supporter) {
        long supporterId = supporterId(supporter);
        // A closed case of theirs (a second tap on Close) is refused by the aggregate, with a message.
        Referral r = referrals.findLocked(id)
                .filter(c -> c.getSupporterId() != null && c.getSupporterId() == supporterId)
                .orElseThrow(NotFoundException::new);
        r.close(outcome, clock.instant(), contacts.tally(id).noResponses());
        referrals.saveAndFlush(r);
        audit.record(supporter.accountId(), "CLOSE", "referral", id.toString());
    }

    /** The supporter now holding each of these cases, for those still open; closed and unknown ones are left out. */
    public Map<UUID, Long> openCaseSupporters(java.util.Collection<UUID> ids) {
        Map<UUID, Long> result = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            referrals.findAllById(ids).stream()
                    .filter(r -> r.getStatus() != ReferralStatus.CLOSED && r.getSupporterId() != null)
                    .forEach(r -> result.put(r.getId(), r.getSupporterId()));
        }
        return result;
    }

    /** The supporter hands the case back (conflict or no capacity); it returns to the queue. */
    @Transactional
    public void decline(UUID id, DeclineReason reason, CurrentUser supporter) {
        Referral r = own(id, supporter);
        long supporterId = supporterId(supporter);
        r.declineBy(supporterId);
        referrals.saveAndFlush(r);
        jdbc.update("insert into referral_decline (referral_id, supporter_id, reason, declined_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", id, supporterId, reason.name(), java.sql.Timestamp.from(clock.instant()));
        audit.record(supporter.accountId(), "DECLINE", "referral", id.toString());
        events.publishEvent(new ReferralReceived(id, r.getHospitalId()));
    }

    /** Views of cases; with a reader, also each case's contacts as that supporter sees them. */
    private List<CaseForSupporter> views(List<Referral> cases, CurrentUser reader) {
        Instant now = clock.instant();
        Map<UUID, CaseContacts.Tally> tallies = contacts.tallies(cases.stream().map(Referral::getId).toList());
        TriageService.Names names = triage.names(cases);
        // The first referrer who agreed to be named, per case: two queries for the whole list.
        Map<UUID, Long> namedReferrer = new java.util.HashMap<>();
        if (!cases.isEmpty()) {
            jdbc.query("select distinct on (referral_id) referral_id, referrer_physician_id from referral_request "
                    + "where referral_id = any (?) and named and referrer_physician_id is not null "
                    + "order by referral_id, submitted_at", rs -> {
                        namedReferrer.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }, (Object) cases.stream().map(Referral::getId).toArray(UUID[]::new));
        }
        Map<Long, PhysicianSummary> referrerPeople = roster.physicians(new java.util.HashSet<>(namedReferrer.values()));
        Map<UUID, String> referrers = new java.util.HashMap<>();
        namedReferrer.forEach((caseId, physicianId) -> {
            PhysicianSummary p = referrerPeople.get(physicianId);
            if (p != null) {
                referrers.put(caseId, p.name());
            }
        });
        return cases.stream().map(r -> {
            ZoneId zone = names.zone(r.getHospitalId());
            PhysicianSummary p = names.physicians().get(r.getPhysicianId());
            return new CaseForSupporter(r.getId(), p == null ? "?" : p.name(), p == null ? "" : p.email(),
                    p == null ? null : p.phone(), names.department(r.getDepartmentId()), r.getTrigger(), r.isUrgent(),
                    r.getStatus(), r.getDueAt() == null ? null : r.getDueAt().atZone(zone),
                    r.getStatus() == ReferralStatus.ASSIGNED ? TimeLeft.until(r.getDueAt(), now) : null,
                    r.getContext(), referrers.get(r.getId()), tallies.getOrDefault(r.getId(), CaseContacts.Tally.NONE),
                    reader == null ? List.of() : contacts.supporterLines(r.getId(), reader, zone));
        }).toList();
    }

    private Referral own(UUID id, CurrentUser supporter) {
        return own(id, supporter, false);
    }

    private Referral own(UUID id, CurrentUser supporter, boolean lock) {
        long supporterId = supporterId(supporter);
        return (lock ? referrals.findLocked(id) : referrals.findById(id))
                .filter(r -> r.getSupporterId() != null && r.getSupporterId() == supporterId)
                .filter(r -> r.getStatus() != ReferralStatus.CLOSED)
                .orElseThrow(NotFoundException::new);
    }

    private long supporterId(CurrentUser user) {
        return user.physicianId().flatMap(directory::supporterOf).orElseThrow(NotFoundException::new);
    }
}
