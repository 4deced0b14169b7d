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
import org.peersupport.referral.ReferralViews.TimeLeft;
import org.peersupport.referral.domain.Referral;
import org.peersupport.referral.domain.ReferralRepository;
import org.peersupport.referral.domain.ReferralRequest;
import org.peersupport.referral.domain.ReferralRequestRepository;
import org.peersupport.supporter.SupporterDirectory;
import org.peersupport.web.NotFoundException;
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

    CaseService(ReferralRepository referrals, ReferralRequestRepository requests, RosterService roster,
            SupporterDirectory directory, TriageService triage, AuditLog audit, ApplicationEventPublisher events,
            JdbcTemplate jdbc, Clock clock) {
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
        return views(cases);
    }

    @Transactional
    public CaseForSupporter myCase(UUID id, CurrentUser supporter) {
        Referral r = own(id, supporter);
        audit.record(supporter.accountId(), "VIEW", "referral", id.toString());
        return views(List.of(r)).get(0);
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

    private List<CaseForSupporter> views(List<Referral> cases) {
        Instant now = clock.instant();
        TriageService.Names names = triage.names(cases);
        // The first referrer who agreed to be named, per case: two queries for the whole list.
        Map<UUID, Long> namedReferrer = new java.util.HashMap<>();
        if (!cases.isEmpty()) {
            for (ReferralRequest q : requests.findByReferralIdInOrderBySubmittedAtAsc(
                    cases.stream().map(Referral::getId).toList())) {
                if (q.isNamed() && q.getReferrerPhysicianId() != null) {
                    namedReferrer.putIfAbsent(q.getReferralId(), q.getReferrerPhysicianId());
                }
            }
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
                    r.getContext(), referrers.get(r.getId()));
        }).toList();
    }

    private Referral own(UUID id, CurrentUser supporter) {
        long supporterId = supporterId(supporter);
        return referrals.findById(id)
                .filter(r -> r.getSupporterId() != null && r.getSupporterId() == supporterId)
                .filter(r -> r.getStatus() != ReferralStatus.CLOSED)
                .orElseThrow(NotFoundException::new);
    }

    private long supporterId(CurrentUser user) {
        return user.physicianId().flatMap(directory::supporterOf).orElseThrow(NotFoundException::new);
    }
}
