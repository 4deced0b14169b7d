package org.peersupport.supporter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peersupport.organization.OrganizationService;
import org.peersupport.supporter.domain.Supporter;
import org.peersupport.supporter.domain.SupporterRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** For the referral module: which supporters may take a case now, and why the others may not. */
@Service
@Transactional(readOnly = true)
public class SupporterDirectory {

    private final SupporterRepository supporters;

    private final OrganizationService organization;

    private final JdbcTemplate jdbc;

    SupporterDirectory(SupporterRepository supporters, OrganizationService organization, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.supporters = supporters;
        this.organization = organization;
    }

    /** The roster row of each supporter, by supporter id; unknown ids are left out. */
    public Map<Long, Long> physicianIds(java.util.Collection<Long> supporterIds) {
        Map<Long, Long> result = new java.util.HashMap<>();
        if (!supporterIds.isEmpty()) {
            // Plain SQL with an array: a page of cases names its supporters here at every view.
            jdbc.query("select id, physician_id from supporter where id = any (?)",
                    rs -> { result.put(rs.getLong(1), rs.getLong(2)); }, (Object) supporterIds.toArray(Long[]::new));
        }
        return result;
    }

    /**
     * A supporter who may reach out now (active or paused), their hospital, the departments they
     * serve and the physicians they declared a conflict with.
     */
    public record Outreach(long supporterId, long hospitalId, java.util.Set<Long> departmentIds,
            java.util.Set<Long> conflicts) {
    }

    /** For proactive check-ins: the outreach of a roster physician who is an active or paused supporter. */
    public java.util.Optional<Outreach> outreach(long physicianId) {
        return supporters.findByPhysicianId(physicianId)
                .filter(s -> s.getStatus() == SupporterStatus.ACTIVE || s.getStatus() == SupporterStatus.PAUSED)
                .map(s -> new Outreach(s.getId(), s.getHospitalId(), java.util.Set.copyOf(s.getDepartmentIds()),
                        java.util.Set.copyOf(s.getConflicts())));
    }

    /** Those of these supporters who still serve: active or paused, not retired. */
    public java.util.Set<Long> serving(java.util.Collection<Long> supporterIds) {
        java.util.Set<Long> serving = new java.util.HashSet<>();
        supporters.findAllById(supporterIds).forEach(s -> {
            if (s.getStatus() == SupporterStatus.ACTIVE || s.getStatus() == SupporterStatus.PAUSED) {
                serving.add(s.getId());
            }
        });
        return serving;
    }

    /** The supporter record of a roster physician, if they are one. */
    public java.util.Optional<Long> supporterOf(long physicianId) {
        return supporters.findByPhysicianId(physicianId).map(Supporter::getId);
    }

    /**
     * The supporters of a hospital, sorted into those who may take a case on {@code day} and
     * those who may not, with the first reason that applies: the referred physician, anyone not
     * active, paused, not certified on that day, or at capacity. Of the rest, the referrers and
     * anyone with a conflict with the referred physician are barred, without a reason (see
     * {@link Eligibility}).
     *
     * @param referrerPhysicianIds the roster rows of everyone who referred this physician for the case
     * @param openCases open cases per supporter id, from the referral module; absent means none
     */
    public Eligibility forCase(long hospitalId, LocalDate day, long referredPhysicianId,
            java.util.Collection<Long> referrerPhysicianIds, Map<Long, Integer> openCases) {
        int validMonths = organization.settings().certificationValidMonths();
        List<Eligibility.Candidate> eligible = new ArrayList<>();
        List<Eligibility.Excluded> excluded = new ArrayList<>();
        List<Eligibility.Candidate> barred = new ArrayList<>();
        for (Current s : current(hospitalId, referredPhysicianId)) {
            CertificationStatus certification = CertificationStatus.of(s.certifiedOn(), validMonths, day);
            int open = openCases.getOrDefault(s.id(), 0);
            ExclusionReason reason = null;
            if (s.physicianId() == referredPhysicianId) {
                reason = ExclusionReason.REFERRED_PHYSICIAN;
            }
            else if (s.status() == SupporterStatus.PAUSED) {
                reason = ExclusionReason.PAUSED;
            }
            else if (s.status() != SupporterStatus.ACTIVE) {
                reason = ExclusionReason.NOT_ACTIVE;
            }
            else if (!certification.current(day)) {
                reason = ExclusionReason.NOT_CERTIFIED;
            }
            else if (open >= s.capacity()) {
                reason = ExclusionReason.OVER_CAPACITY;
            }
            if (reason != null) {
                excluded.add(new Eligibility.Excluded(s.id(), reason));
                continue;
            }
            Eligibility.Candidate candidate = new Eligibility.Candidate(s.id(), s.physicianId(),
                    s.departmentIds(), open, s.capacity(), certification);
            if (referrerPhysicianIds.contains(s.physicianId()) || s.conflicted()) {
                barred.add(candidate);
            }
            else {
                eligible.add(candidate);
            }
        }
        return new Eligibility(eligible, excluded, barred);
    }

    /** What a case page judges of one supporter; {@code conflicted} with the referred physician. */
    private record Current(long id, long physicianId, SupporterStatus status, LocalDate certifiedOn, int capacity,
            Set<Long> departmentIds, boolean conflicted) {
    }

    /**
     * The hospital's supporters who are not retired, read as plain values at every case page: the
     * departments as an array and the conflict (declared by a coordinator or by the supporter, as
     * {@link Supporter#hasConflictWith}) as one flag, so a hospital of a hundred supporters is one
     * row each, not the product of their departments and conflicts loaded as managed entities.
     */
    private List<Current> current(long hospitalId, long referredPhysicianId) {
        return jdbc.query("""
                select s.id, s.physician_id, s.status, s.certified_on, s.capacity,
                       array(select d.department_id from supporter_department d where d.supporter_id = s.id),
                       exists (select 1 from supporter_conflict c
                               where c.supporter_id = s.id and c.physician_id = ?)
                       or exists (select 1 from supporter_private_conflict c
                                  where c.supporter_id = s.id and c.physician_id = ?)
                from supporter s
                where s.hospital_id = ? and s.status <> 'RETIRED'
                order by s.id""",
                (rs, row) -> new Current(rs.getLong(1), rs.getLong(2), SupporterStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getInt(5),
                        Set.of((Long[]) rs.getArray(6).getArray()), rs.getBoolean(7)),
                referredPhysicianId, referredPhysicianId, hospitalId);
    }
}
