package org.peersupport.organization;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.organization.RosterImportPreview.Change;
import org.peersupport.organization.RosterImportPreview.FieldChange;
import org.peersupport.organization.RosterImportPreview.Line;
import org.peersupport.organization.RosterImportPreview.Problem;
import org.peersupport.organization.domain.RosterFile;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the physician roster from CSV in two steps: a preview of every problem, then an
 * all-or-nothing upsert by e-mail. The file waits in the database between the two, so the
 * confirmation may land on any app instance.
 */
@Service
public class RosterImportService {

    private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    private final OrganizationCatalog catalog;

    RosterImportService(JdbcTemplate jdbc, OrganizationCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Rows of the preview on a page. */
    public static final int PAGE_SIZE = 50;

    /**
     * Stores the file and checks it against the caller's hospitals. A binary file is refused at
     * once and not stored.
     */
    @Transactional
    public RosterImportPreview upload(String fileName, byte[] content, HospitalScope scope) {
        String name = fileName == null || fileName.isBlank() ? "roster.csv" : fileName.strip();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        if (RosterFile.looksBinary(content)) {
            return new RosterImportPreview(null, name, 0, 0, 0, 0, 0,
                    List.of(new Problem(0, "import.problem.notCsv", List.of())), Page.empty());
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into roster_upload (id, file_name, content) values (?, ?, ?)", id, name, content);
        return check(id, name, content, scope).preview(0);
    }

    /** A page of the preview of a stored file, checked against the caller's hospitals. */
    @Transactional(readOnly = true)
    public RosterImportPreview preview(UUID uploadId, HospitalScope scope, int page) {
        Upload upload = load(uploadId).orElseThrow(NotFoundException::new);
        return check(uploadId, upload.fileName(), upload.content(), scope).preview(page);
    }

    /**
     * Imports the previewed file if it has no problems against the caller's hospitals, checked
     * again now; with {@code deactivateMissing}, the active physicians of the file's hospitals that
     * the file leaves out are deactivated. Returns the first page of the preview either way.
     */
    @Transactional
    public RosterImportPreview importUpload(UUID uploadId, HospitalScope scope, boolean deactivateMissing) {
        Upload upload = load(uploadId).orElseThrow(NotFoundException::new);
        Checked checked = check(uploadId, upload.fileName(), upload.content(), scope);
        RosterImportPreview preview = checked.preview(0);
        if (!preview.importable()) {
            return preview;
        }
        List<RosterFile.Row> rows = checked.rows();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<RosterFile.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.batchUpdate("""
                    insert into physician (name, email, phone, department_id, specialty, career_stage, active)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (email) do update set
                        name = excluded.name, phone = excluded.phone, department_id = excluded.department_id,
                        specialty = excluded.specialty, career_stage = excluded.career_stage, active = excluded.active,
                        version = physician.version + 1, updated_at = now()
                    where (physician.name, physician.phone, physician.department_id, physician.specialty,
                           physician.career_stage, physician.active)
                          is distinct from
                          (excluded.name, excluded.phone, excluded.department_id, excluded.specialty,
                           excluded.career_stage, excluded.active)
                    """, batch, batch.size(), (ps, row) -> {
                ps.setString(1, row.name());
                ps.setString(2, row.email());
                ps.setString(3, row.phone());
                ps.setLong(4, row.departmentId());
                ps.setString(5, row.specialty());
                if (row.careerStage() == null) {
                    ps.setNull(6, Types.VARCHAR);
                }
                else {
                    ps.setString(6, row.careerStage().name());
                }
                ps.setBoolean(7, row.active());
            });
        }
        int deactivated = 0;
        if (deactivateMissing && !checked.missing().isEmpty()) {
            deactivated = jdbc.update("update physician set active = false, version = version + 1, updated_at = now()"
                    + " where id = any (?) and active", (Object) checked.missing().stream().map(Existing::id)
                    .toArray(Long[]::new));
        }
        jdbc.update("delete from roster_upload where id = ?", uploadId);
        log.info("Roster import: {} rows ({} new, {} changed, {} unchanged), {} deactivated", rows.size(),
                preview.newCount(), preview.changeCount(), preview.unchangedCount(), deactivated);
        return preview;
    }

    /** Files previewed but never confirmed are removed after a day. */
    @Scheduled(cron = "0 17 * * * *")
    @Transactional
    public void removeStaleUploads() {
        jdbc.update("delete from roster_upload where created_at < now() - interval '1 day'");
    }

    /**
     * The file read against every department of the program, so that a row of a hospital outside
     * the caller's scope is told apart from a department that does not exist; such a row, and a
     * row that would change a physician of another hospital, is a problem of its own.
     */
    private Checked check(UUID id, String fileName, byte[] content, HospitalScope scope) {
        Map<Long, DepartmentSummary> departments = new HashMap<>();
        Map<String, Long> keys = new HashMap<>();
        List<Long> hospitalIds = catalog.hospitals().all().stream().map(HospitalSummary::id).toList();
        for (DepartmentSummary department : catalog.departmentsOf(hospitalIds)) {
            departments.put(department.id(), department);
            keys.put(RosterFile.key(department.hospitalName(), department.name()), department.id());
        }
        RosterFile.Result result = RosterFile.read(content, keys);
        List<Problem> problems = new ArrayList<>(result.problems());
        Map<String, Existing> existing = existing(result.rows().stream().map(RosterFile.Row::email).toList());
        for (RosterFile.Row row : result.rows()) {
            DepartmentSummary department = departments.get(row.departmentId());
            Existing known = existing.get(row.email());
            if (!scope.includes(department.hospitalId())) {
                problems.add(new Problem(row.number(), "import.problem.otherHospital",
                        List.of(department.hospitalName())));
            }
            else if (known != null && !scope.includes(known.hospitalId())) {
                problems.add(new Problem(row.number(), "import.problem.otherHospitalsPhysician",
                        List.of(row.email())));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::row));
        List<Existing> missing = problems.isEmpty() ? missing(result.rows(), departments) : List.of();
        int rowCount = result.rows().size() + (int) result.problems().stream().map(Problem::row)
                .filter(r -> r > 0).distinct().count();
        return new Checked(id, fileName, rowCount, result.rows(), existing, missing, departments, problems);
    }

    /** The active physicians of the file's hospitals whose e-mail the file does not hold. */
    private List<Existing> missing(List<RosterFile.Row> rows, Map<Long, DepartmentSummary> departments) {
        Long[] hospitals = rows.stream().map(r -> departments.get(r.departmentId()).hospitalId()).distinct()
                .toArray(Long[]::new);
        if (hospitals.length == 0) {
            return List.of();
        }
        return jdbc.query(EXISTING + " where d.hospital_id = any (?) and p.active and not (p.email = any (?))"
                + " order by p.name, p.id", RosterImportService::existing, hospitals,
                rows.stream().map(RosterFile.Row::email).toArray(String[]::new));
    }

    private Map<String, Existing> existing(List<String> emails) {
        Map<String, Existing> found = new HashMap<>();
        if (!emails.isEmpty()) {
            jdbc.query(EXISTING + " where p.email = any (?)", rs -> {
                Existing e = existing(rs, 0);
                found.put(e.email(), e);
            }, (Object) emails.toArray(String[]::new));
        }
        return found;
    }

    private static final String EXISTING = "select p.id, p.name, p.email, p.phone, p.department_id, d.hospital_id,"
            + " p.specialty, p.career_stage, p.active from physician p join department d on d.id = p.department_id";

    private static Existing existing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getBoolean(9));
    }

    /** A physician on the roster, as the import compares it with a row. */
    private record Existing(long id, String name, String email, String phone, long departmentId, long hospitalId,
            String specialty, String careerStage, boolean active) {
    }

    /** A file checked against the roster: what the preview shows and the import does. */
    private record Checked(UUID id, String fileName, int rowCount, List<RosterFile.Row> rows,
            Map<String, Existing> existing, List<Existing> missing, Map<Long, DepartmentSummary> departments,
            List<Problem> problems) {

        RosterImportPreview preview(int page) {
            if (!problems.isEmpty()) {
                return new RosterImportPreview(id, fileName, rowCount, 0, 0, 0, 0, problems, Page.empty());
            }
            List<Line> lines = new ArrayList<>();
            int added = 0;
            int changed = 0;
            for (RosterFile.Row row : rows) {
                Existing before = existing.get(row.email());
                List<FieldChange> changes = before == null ? List.of() : changes(before, row);
                Change change = before == null ? Change.ADD : changes.isEmpty() ? Change.SAME : Change.CHANGE;
                added += change == Change.ADD ? 1 : 0;
                changed += change == Change.CHANGE ? 1 : 0;
                lines.add(new Line(row.number(), change, row.name(), row.email(), department(row.departmentId()),
                        changes));
            }
            for (Existing gone : missing) {
                lines.add(new Line(0, Change.MISSING, gone.name(), gone.email(), department(gone.departmentId()),
                        List.of()));
            }
            int first = Math.max(0, Math.min(page, (lines.size() - 1) / PAGE_SIZE)) * PAGE_SIZE;
            Page<Line> shown = new PageImpl<>(lines.subList(first, Math.min(lines.size(), first + PAGE_SIZE)),
                    PageRequest.of(first / PAGE_SIZE, PAGE_SIZE), lines.size());
            return new RosterImportPreview(id, fileName, rowCount, added, changed, rows.size() - added - changed,
                    missing.size(), problems, shown);
        }

        private List<FieldChange> changes(Existing before, RosterFile.Row after) {
            List<FieldChange> changes = new ArrayList<>();
            change(changes, "name", before.name(), after.name());
            change(changes, "phone", before.phone(), after.phone());
            change(changes, "department", department(before.departmentId()), department(after.departmentId()));
            change(changes, "specialty", before.specialty(), after.specialty());
            change(changes, "career_stage", before.careerStage(),
                    after.careerStage() == null ? null : after.careerStage().name());
            change(changes, "active", String.valueOf(before.active()), String.valueOf(after.active()));
            return changes;
        }

        private static void change(List<FieldChange> changes, String field, String before, String after) {
            if (!java.util.Objects.equals(before, after)) {
                changes.add(new FieldChange(field, before, after));
            }
        }

        private String department(long departmentId) {
            DepartmentSummary d = departments.get(departmentId);
            return d == null ? "?" : d.name() + ", " + d.hospitalName();
        }
    }

    private Optional<Upload> load(UUID id) {
        return jdbc.query("select file_name, content from roster_upload where id = ?",
                (rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)), id).stream().findFirst();
    }

    private record Upload(String fileName, byte[] content) {
    }
}
