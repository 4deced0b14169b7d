package org.peersupport.organization;

import java.sql.Array;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.peersupport.organization.RosterImportPreview.Problem;
import org.peersupport.organization.domain.RosterFile;
import org.peersupport.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** Stores the file and checks it. A binary file is refused at once and not stored. */
    @Transactional
    public RosterImportPreview upload(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "roster.csv" : fileName.strip();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        if (RosterFile.looksBinary(content)) {
            return new RosterImportPreview(null, name, 0, 0, 0,
                    List.of(new Problem(0, "import.problem.notCsv", List.of())));
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into roster_upload (id, file_name, content) values (?, ?, ?)", id, name, content);
        return check(id, name, content);
    }

    @Transactional(readOnly = true)
    public RosterImportPreview preview(UUID uploadId) {
        Upload upload = load(uploadId).orElseThrow(NotFoundException::new);
        return check(uploadId, upload.fileName(), upload.content());
    }

    /** Imports the previewed file if it has no problems; returns the preview either way. */
    @Transactional
    public RosterImportPreview importUpload(UUID uploadId) {
        Upload upload = load(uploadId).orElseThrow(NotFoundException::new);
        RosterFile.Result result = RosterFile.read(upload.content(), departmentKeys());
        RosterImportPreview preview = preview(uploadId, upload.fileName(), result);
        if (!preview.importable()) {
            return preview;
        }
        List<RosterFile.Row> rows = result.rows();
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
        jdbc.update("delete from roster_upload where id = ?", uploadId);
        log.info("Roster import: {} rows ({} new, {} existing)", rows.size(), preview.newCount(),
                preview.updateCount());
        return preview;
    }

    /** Files previewed but never confirmed are removed after a day. */
    @Scheduled(cron = "0 17 * * * *")
    @Transactional
    public void removeStaleUploads() {
        jdbc.update("delete from roster_upload where created_at < now() - interval '1 day'");
    }

    private RosterImportPreview check(UUID id, String fileName, byte[] content) {
        return preview(id, fileName, RosterFile.read(content, departmentKeys()));
    }

    private RosterImportPreview preview(UUID id, String fileName, RosterFile.Result result) {
        Set<String> existing = existingEmails(result.rows().stream().map(RosterFile.Row::email).toList());
        int updates = (int) result.rows().stream().filter(r -> existing.contains(r.email())).count();
        int rowCount = result.rows().size() + (int) result.problems().stream().map(Problem::row)
                .filter(r -> r > 0).distinct().count();
        return new RosterImportPreview(id, fileName, rowCount, result.rows().size() - updates, updates,
                result.problems());
    }

    private Set<String> existingEmails(List<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("varchar", emails.toArray());
            try (var statement = connection.prepareStatement("select email from physician where email = any(?)")) {
                statement.setArray(1, array);
                Set<String> found = new HashSet<>();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    private Map<String, Long> departmentKeys() {
        Map<String, Long> keys = new HashMap<>();
        List<Long> hospitalIds = catalog.hospitals().all().stream().map(HospitalSummary::id).toList();
        for (DepartmentSummary department : catalog.departmentsOf(hospitalIds)) {
            keys.put(RosterFile.key(department.hospitalName(), department.name()), department.id());
        }
        return keys;
    }

    private Optional<Upload> load(UUID id) {
        return jdbc.query("select file_name, content from roster_upload where id = ?",
                (rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)), id).stream().findFirst();
    }

    private record Upload(String fileName, byte[] content) {
    }
}
