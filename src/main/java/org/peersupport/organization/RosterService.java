package org.peersupport.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.peersupport.organization.domain.Department;
import org.peersupport.organization.domain.DepartmentRepository;
import org.peersupport.organization.domain.Physician;
import org.peersupport.organization.domain.PhysicianRepository;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The physician roster: search, single-row edits, and lookups for the other modules. */
@Service
@Transactional(readOnly = true)
public class RosterService {

    /** A roster row's columns, for a query over {@code physician p} joined with {@link #SUMMARY_JOINS}. */
    private static final String SUMMARY = "select p.id, p.name, p.email, p.phone, d.id as department_id, "
            + "d.name as department_name, h.id as hospital_id, h.name as hospital_name, p.specialty, p.career_stage, "
            + "p.active ";

    private static final String SUMMARY_JOINS = " join department d on d.id = p.department_id "
            + "join hospital h on h.id = d.hospital_id";

    private final PhysicianRepository physicians;

    private final DepartmentRepository departments;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    RosterService(PhysicianRepository physicians, DepartmentRepository departments, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.physicians = physicians;
        this.departments = departments;
        this.clock = clock;
    }

    /**
     * One page of the roster in name order, and its size. Plain SQL, with only the conditions asked
     * for: a national program's catch-all query ("or ? is null" for every filter) kept one generic
     * plan that read every physician of the hospital from the table twice, for the page and for the
     * count. This way a coordinator's page and count come from the index of V40 alone, and the
     * columns of the rows shown are read for those rows only.
     */
    public Page<PhysicianSummary> search(RosterQuery query, HospitalScope scope, Pageable pageable) {
        if (!scope.all() && scope.hospitalIds().isEmpty()) {
            return Page.empty(pageable);
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!scope.all()) {
            where.append(" and d.hospital_id = any (?)");
            args.add(scope.hospitalIds().toArray(Long[]::new));
        }
        if (query.hospitalId() != null) {
            where.append(" and d.hospital_id = ?");
            args.add(query.hospitalId());
        }
        if (query.departmentId() != null) {
            where.append(" and p.department_id = ?");
            args.add(query.departmentId());
        }
        if (query.active() != null) {
            where.append(" and p.active = ?");
            args.add(query.active());
        }
        words(query.text(), where, args);
        String from = " from physician p join department d on d.id = p.department_id" + where;
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<PhysicianSummary> rows = jdbc.query(SUMMARY + "from (select p.id, p.name" + from
                + " order by p.name, p.id limit ? offset ?) page join physician p on p.id = page.id" + SUMMARY_JOINS
                + " order by page.name, page.id", RosterService::summary, pageArgs.toArray());
        // The count only when the page does not already tell it, as Spring Data's own pages do.
        long total = pageable.getOffset() == 0 && rows.size() < pageable.getPageSize() ? rows.size()
                : jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * The ids of the roster rows in the scope whose name or e-mail holds every word of the text,
     * at most {@code limit} of them: other modules search their records by the people named in them.
     */
    public List<Long> idsMatching(String text, HospitalScope scope, int limit) {
        if (!scope.all() && scope.hospitalIds().isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!scope.all()) {
            where.append(" and d.hospital_id = any (?)");
            args.add(scope.hospitalIds().toArray(Long[]::new));
        }
        words(text, where, args);
        args.add(limit);
        return jdbc.queryForList("select p.id from physician p join department d on d.id = p.department_id" + where
                + " limit ?", Long.class, args.toArray());
    }

    /** Each of the first three words must match the name or the e-mail: "garcia al" finds Alex Garcia. */
    private static void words(String text, StringBuilder where, List<Object> args) {
        String[] words = text == null ? new String[0] : text.strip().split("\\s+", 4);
        for (int i = 0; i < Math.min(words.length, 3); i++) {
            String pattern = likePattern(words[i]);
            if (!pattern.isEmpty()) {
                where.append(" and (lower(p.name) like ? escape '\\' or p.email like ? escape '\\')");
                args.add(pattern);
                args.add(pattern);
            }
        }
    }

    public Optional<PhysicianSummary> physician(long id) {
        return physicians.findSummary(id);
    }

    /** The roster row, if the scope includes its hospital; otherwise it does not exist for the caller. */
    public PhysicianSummary physician(long id, HospitalScope scope) {
        return physicians.findSummary(id).filter(p -> scope.includes(p.hospitalId()))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Many roster rows in one query, by id; unknown ids are left out. Every list page names its
     * people through here, so it is plain SQL with one array parameter: Hibernate would translate a
     * query with a list parameter again at every call.
     */
    public Map<Long, PhysicianSummary> physicians(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PhysicianSummary> found = new HashMap<>();
        jdbc.query(SUMMARY + "from physician p" + SUMMARY_JOINS + " where p.id = any (?)", rs -> {
            PhysicianSummary p = summary(rs, 0);
            found.put(p.id(), p);
        }, (Object) ids.stream().distinct().toArray(Long[]::new));
        return found;
    }

    private static PhysicianSummary summary(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("career_stage");
        return new PhysicianSummary(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getLong("department_id"), rs.getString("department_name"),
                rs.getLong("hospital_id"), rs.getString("hospital_name"), rs.getString("specialty"),
                stage == null ? null : CareerStage.valueOf(stage), rs.getBoolean("active"));
    }

    public Optional<PhysicianSummary> physicianByEmail(String email) {
        return physicians.findSummaryByEmail(Physician.normaliseEmail(email));
    }

    public long version(long id) {
        return physicians.findById(id).map(Physician::getVersion).orElseThrow(NotFoundException::new);
    }

    public long countActive(HospitalScope scope) {
        if (scope.all()) {
            return physicians.countActive();
        }
        return scope.hospitalIds().isEmpty() ? 0 : physicians.countActiveInHospitals(scope.hospitalIds());
    }

    /** The active physicians of these departments, for survey invitations. */
    public List<RosterMember> activeMembers(Collection<Long> departmentIds) {
        return departmentIds.isEmpty() ? List.of() : physicians.findActiveMembers(departmentIds);
    }

    @Transactional
    public long add(PhysicianDetails details, HospitalScope scope) {
        Department department = scopedDepartment(details.departmentId(), scope);
        String email = Physician.normaliseEmail(details.email());
        if (physicians.emailTaken(email, null)) {
            throw new RuleViolationException("email", "roster.error.emailTaken");
        }
        Physician physician = new Physician(details.name(), email, department);
        physician.update(details.name(), email, details.phone(), department, details.specialty(),
                details.careerStage(), details.active(), clock.instant());
        return physicians.save(physician).getId();
    }

    @Transactional
    public void change(long id, PhysicianDetails details, long expectedVersion, HospitalScope scope) {
        Physician physician = physicians.findWithDepartment(id)
                .filter(p -> scope.includes(p.getDepartment().getHospital().getId()))
                .orElseThrow(NotFoundException::new);
        StaleEdit.check(physician.getVersion(), expectedVersion, Physician.class, id);
        Department department = scopedDepartment(details.departmentId(), scope);
        String email = Physician.normaliseEmail(details.email());
        if (physicians.emailTaken(email, id)) {
            throw new RuleViolationException("email", "roster.error.emailTaken");
        }
        physician.update(details.name(), email, details.phone(), department, details.specialty(),
                details.careerStage(), details.active(), clock.instant());
    }

    private Department scopedDepartment(long departmentId, HospitalScope scope) {
        return departments.findById(departmentId)
                .filter(d -> scope.includes(d.getHospital().getId()))
                .orElseThrow(() -> new RuleViolationException("departmentId", "roster.error.unknownDepartment"));
    }

    /** Lower-cased, with LIKE's wildcards escaped, so a search for "50%" finds "50%". */
    static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String escaped = text.trim().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
