package org.peersupport.supporter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peersupport.account.AccountService;
import org.peersupport.account.Role;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.peersupport.supporter.domain.Supporter;
import org.peersupport.supporter.domain.SupporterRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supporter roster. Coordinators act on supporters of their own hospitals; a supporter of
 * another hospital does not exist for them (404). Administrators act on all.
 */
@Service
@Transactional(readOnly = true)
public class SupporterService {

    /**
     * What a coordinator may do to a supporter's status, and from which statuses. The aggregate
     * refuses the others; the page offers only these.
     */
    public enum StatusChange {
        ACTIVATE, PAUSE, RESUME, RETIRE, REINSTATE;

        public boolean appliesTo(SupporterStatus status) {
            return switch (this) {
                case ACTIVATE -> status == SupporterStatus.NOMINATED || status == SupporterStatus.IN_TRAINING
                        || status == SupporterStatus.PAUSED;
                // A paused supporter may be given another return date.
                case PAUSE -> status == SupporterStatus.ACTIVE || status == SupporterStatus.PAUSED;
                case RESUME -> status == SupporterStatus.PAUSED;
                case RETIRE -> status != SupporterStatus.RETIRED;
                case REINSTATE -> status == SupporterStatus.RETIRED;
            };
        }

        /** The changes that apply to a supporter in this status. */
        public static List<StatusChange> from(SupporterStatus status) {
            return java.util.Arrays.stream(values()).filter(c -> c.appliesTo(status)).toList();
        }
    }

    private final SupporterRepository supporters;

    private final RosterService roster;

    private final OrganizationService organization;

    private final AccountService accounts;

    private final HospitalCalendar calendar;

    private final JdbcTemplate jdbc;

    SupporterService(SupporterRepository supporters, RosterService roster, OrganizationService organization,
            AccountService accounts, HospitalCalendar calendar, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.supporters = supporters;
        this.roster = roster;
        this.organization = organization;
        this.accounts = accounts;
        this.calendar = calendar;
    }

    /**
     * Nominates a roster physician of the caller's hospitals. Their account gains the supporter
     * role, or one is made. Returns the new supporter's id.
     */
    @Transactional
    public Nomination nominate(long physicianId, HospitalScope scope) {
        PhysicianSummary physician = roster.physician(physicianId, scope);
        if (!physician.active()) {
            throw new RuleViolationException(null, "supporter.error.inactivePhysician");
        }
        if (supporters.existsByPhysicianId(physicianId)) {
            throw new RuleViolationException(null, "supporter.error.alreadyNominated");
        }
        Supporter supporter = supporters.save(
                new Supporter(physicianId, physician.hospitalId(), physician.departmentId()));
        return new Nomination(supporter.getId(), accounts.grantClinicalRole(physicianId, Role.SUPPORTER));
    }

    public record Nomination(long supporterId, AccountService.Grant account) {

        public boolean accountCreated() {
            return account != AccountService.Grant.EXTENDED;
        }
    }

    public SupporterSummary supporter(long id, HospitalScope scope) {
        return summaries(List.of(Listed.of(scoped(id, scope)))).get(0);
    }

    /** The caller's own supporter record, found through their roster row. */
    public Optional<SupporterSummary> ofPhysician(long physicianId) {
        return supporters.findByPhysicianId(physicianId).map(s -> summaries(List.of(Listed.of(s))).get(0));
    }

    public Page<SupporterSummary> search(SupporterQuery query, HospitalScope scope, Pageable pageable) {
        List<SupporterSummary> all = summaries(inScope(scope)).stream()
                .filter(s -> query.hospitalId() == null || s.hospitalId() == query.hospitalId())
                .filter(s -> query.departmentId() == null || s.departmentIds().contains(query.departmentId()))
                .filter(s -> query.status() == null || s.status() == query.status())
                .filter(s -> query.certification() == null || s.certification().state() == query.certification())
                .sorted(Comparator.comparing(SupporterSummary::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SupporterSummary::id))
                .toList();
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    @Transactional
    public void changeStatus(long id, StatusChange change, LocalDate pausedUntil, long expectedVersion,
            HospitalScope scope) {
        Supporter supporter = scoped(id, scope);
        StaleEdit.check(supporter.getVersion(), expectedVersion, Supporter.class, id);
        apply(supporter, change, pausedUntil);
    }

    /** A supporter pauses or resumes themselves, from "My training". */
    @Transactional
    public void changeOwnAvailability(long physicianId, StatusChange change, LocalDate pausedUntil) {
        if (change != StatusChange.PAUSE && change != StatusChange.RESUME) {
            throw new IllegalArgumentException(change + " is for coordinators");
        }
        Supporter supporter = supporters.findByPhysicianId(physicianId).orElseThrow(NotFoundException::new);
        apply(supporter, change, pausedUntil);
    }

    private void apply(Supporter supporter, StatusChange change, LocalDate pausedUntil) {
        switch (change) {
            case ACTIVATE -> supporter.activate();
            case PAUSE -> supporter.pause(pausedUntil, calendar.today(supporter.getHospitalId()));
            case RESUME -> supporter.resume();
            case RETIRE -> supporter.retire();
            case REINSTATE -> supporter.reinstate();
        }
    }

    @Transactional
    public void changeService(long id, int capacity, Set<Long> departmentIds, long expectedVersion,
            HospitalScope scope) {
        Supporter supporter = scoped(id, scope);
        StaleEdit.check(supporter.getVersion(), expectedVersion, Supporter.class, id);
        for (Long departmentId : departmentIds) {
            boolean ofHospital = organization.department(departmentId)
                    .filter(d -> d.hospitalId() == supporter.getHospitalId()).isPresent();
            if (!ofHospital) {
                throw new RuleViolationException("departmentIds", "supporter.error.departmentOfOtherHospital");
            }
        }
        supporter.changeCapacity(capacity);
        supporter.serveDepartments(departmentIds);
    }

    /** Declares a physician the supporter must never be assigned to; no reason is asked or kept. */
    @Transactional
    public void declareConflict(long id, String physicianEmail, HospitalScope scope) {
        Supporter supporter = scoped(id, scope);
        PhysicianSummary physician = roster.physicianByEmail(physicianEmail)
                .orElseThrow(() -> new RuleViolationException("conflictEmail", "supporter.error.unknownConflict"));
        supporter.declareConflict(physician.id());
    }

    @Transactional
    public void withdrawConflict(long id, long physicianId, HospitalScope scope) {
        scoped(id, scope).withdrawConflict(physicianId);
    }

    /** The supporter, on their own page, declares a conflict nobody else will see. */
    @Transactional
    public void declareOwnConflict(long physicianId, String colleagueEmail) {
        Supporter supporter = supporters.findByPhysicianId(physicianId).orElseThrow(NotFoundException::new);
        PhysicianSummary colleague = roster.physicianByEmail(colleagueEmail)
                .orElseThrow(() -> new RuleViolationException("colleagueEmail", "supporter.error.unknownConflict"));
        supporter.declarePrivateConflict(colleague.id());
    }

    @Transactional
    public void withdrawOwnConflict(long physicianId, long colleagueId) {
        supporters.findByPhysicianId(physicianId).orElseThrow(NotFoundException::new)
                .withdrawPrivateConflict(colleagueId);
    }

    /** The conflicts the supporter declared privately, with names: for that supporter's eyes only. */
    public List<PhysicianSummary> ownConflicts(long physicianId) {
        Supporter supporter = supporters.findByPhysicianId(physicianId).orElseThrow(NotFoundException::new);
        return roster.physicians(supporter.getPrivateConflicts()).values().stream()
                .sorted(Comparator.comparing(PhysicianSummary::name)).toList();
    }

    /** The declared conflicts, with names: shown to the supporter's coordinators only. */
    public List<PhysicianSummary> conflicts(long id, HospitalScope scope) {
        return roster.physicians(scoped(id, scope).getConflicts()).values().stream()
                .sorted(Comparator.comparing(PhysicianSummary::name)).toList();
    }

    /** For each department in scope: active supporters certified today, against the program's target. */
    public List<DepartmentCoverage> coverage(HospitalScope scope) {
        int validMonths = organization.settings().certificationValidMonths();
        int target = organization.settings().supportersPerDepartment();
        List<Listed> all = inScope(scope);
        List<DepartmentCoverage> coverage = new ArrayList<>();
        for (DepartmentSummary department : organization.departments(scope)) {
            if (!department.active()) {
                continue;
            }
            long covered = all.stream()
                    .filter(s -> s.status() == SupporterStatus.ACTIVE)
                    .filter(s -> s.departmentIds().contains(department.id()))
                    .filter(s -> certifiedToday(s, validMonths))
                    .count();
            long inTraining = all.stream()
                    .filter(s -> s.status() == SupporterStatus.NOMINATED || s.status() == SupporterStatus.IN_TRAINING)
                    .filter(s -> s.departmentIds().contains(department.id()))
                    .count();
            coverage.add(new DepartmentCoverage(department, (int) covered, (int) inTraining, target));
        }
        coverage.sort(Comparator.comparing((DepartmentCoverage c) -> c.covered() >= c.target())
                .thenComparing(c -> c.department().hospitalName()).thenComparing(c -> c.department().name()));
        return coverage;
    }

    public record DepartmentCoverage(DepartmentSummary department, int covered, int inTraining, int target) {

        public boolean uncovered() {
            return covered < target;
        }
    }

    private boolean certifiedToday(Listed supporter, int validMonths) {
        LocalDate today = calendar.today(supporter.hospitalId());
        return CertificationStatus.of(supporter.certifiedOn(), validMonths, today).current(today);
    }

    /** A supporter as lists read them: plain values, never a managed entity. */
    record Listed(long id, long physicianId, long hospitalId, SupporterStatus status, LocalDate pausedUntil,
            int capacity, LocalDate certifiedOn, Set<Long> departmentIds, long version) {

        static Listed of(Supporter s) {
            return new Listed(s.getId(), s.getPhysicianId(), s.getHospitalId(), s.getStatus(), s.getPausedUntil(),
                    s.getCapacity(), s.getCertifiedOn(), s.getDepartmentIds(), s.getVersion());
        }
    }

    /**
     * Every supporter of the scope, each one row with its departments as an array: the list and the
     * coverage filter, sort and count them in memory, so nothing is loaded that Hibernate would
     * then hydrate, keep and check.
     */
    private List<Listed> inScope(HospitalScope scope) {
        if (!scope.all() && scope.hospitalIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select s.id, s.physician_id, s.hospital_id, s.status, s.paused_until, s.capacity, s.certified_on,
                       array(select d.department_id from supporter_department d where d.supporter_id = s.id),
                       s.version
                from supporter s
                where ? or s.hospital_id = any (?)""",
                (rs, row) -> new Listed(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        SupporterStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getInt(6),
                        rs.getObject(7, LocalDate.class), Set.of((Long[]) rs.getArray(8).getArray()), rs.getLong(9)),
                scope.all(), scope.all() ? new Long[0] : scope.hospitalIds().toArray(Long[]::new));
    }

    private Supporter scoped(long id, HospitalScope scope) {
        return supporters.findById(id).filter(s -> scope.includes(s.getHospitalId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Summaries with the roster's names and the certification as of today: two queries, whatever the count. */
    List<SupporterSummary> summaries(List<Listed> list) {
        int validMonths = organization.settings().certificationValidMonths();
        Map<Long, PhysicianSummary> physicians = roster.physicians(
                list.stream().map(Listed::physicianId).toList());
        Map<Long, LocalDate> today = new java.util.HashMap<>();
        List<SupporterSummary> result = new ArrayList<>(list.size());
        for (Listed s : list) {
            PhysicianSummary p = physicians.get(s.physicianId());
            result.add(new SupporterSummary(s.id(), s.physicianId(), p == null ? "?" : p.name(),
                    p == null ? "" : p.email(), s.hospitalId(), p == null ? "" : p.hospitalName(),
                    p == null ? "" : p.departmentName(), s.status(), s.pausedUntil(), s.capacity(), s.departmentIds(),
                    CertificationStatus.of(s.certifiedOn(), validMonths,
                            today.computeIfAbsent(s.hospitalId(), calendar::today)),
                    s.version()));
        }
        return result;
    }
}
