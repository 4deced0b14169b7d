package org.peersupport.organization;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peersupport.shared.ReferenceCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hospitals, departments and the program's settings as every page reads them: through the
 * {@link ReferenceCache}, as immutable summaries loaded with plain queries. Plain JDBC rather than
 * entities, so that a load never returns an entity that the caller's persistence context already
 * holds in an older state.
 *
 * <p>Keys: the settings; all hospitals (about a hundred in a national program, so a hospital by id
 * is looked up in that list); each hospital's departments; a department by id. A caller's
 * departments are those of its hospitals, so only the departments of a coordinator's scope are ever
 * loaded.
 */
@Component
class OrganizationCatalog {

    private static final String SETTINGS = "organization.settings";

    private static final String HOSPITALS = "organization.hospitals";

    private static final String DEPARTMENTS_OF = "organization.departmentsOf";

    private static final String DEPARTMENT = "organization.department";

    private static final String DEPARTMENT_COLUMNS = "select d.id, d.hospital_id, h.name, d.name, d.active "
            + "from department d join hospital h on h.id = d.hospital_id ";

    private final ReferenceCache cache;

    private final JdbcTemplate jdbc;

    OrganizationCatalog(ReferenceCache cache, JdbcTemplate jdbc) {
        this.cache = cache;
        this.jdbc = jdbc;
    }

    ProgramSettingsView settings() {
        return cache.read(SETTINGS, "", () -> jdbc.queryForObject("""
                select program_name, matching_policy, assign_target_hours, urgent_assign_target_hours,
                       first_contact_target_hours, urgent_target_hours,
                       certification_valid_months, note_retention_days, survey_min_group_size,
                       survey_min_free_text_size, supporters_per_department
                  from program_settings where id = 1
                """, (rs, n) -> new ProgramSettingsView(rs.getString(1), MatchingPolicy.valueOf(rs.getString(2)),
                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getInt(11))));
    }

    /** Every hospital, by name, and by id. */
    Hospitals hospitals() {
        return cache.read(HOSPITALS, "", () -> new Hospitals(jdbc.query(
                "select id, name, time_zone, active from hospital order by name",
                (rs, n) -> new HospitalSummary(rs.getLong(1), rs.getString(2), zone(rs.getString(3)),
                        rs.getBoolean(4)))));
    }

    List<DepartmentSummary> departmentsOf(long hospitalId) {
        return departmentsOf(List.of(hospitalId));
    }

    /** The departments of these hospitals, by hospital name and then department name. */
    List<DepartmentSummary> departmentsOf(Collection<Long> hospitalIds) {
        Map<Long, List<DepartmentSummary>> byHospital = cache.readAll(DEPARTMENTS_OF, hospitalIds, this::loadDepartments);
        List<DepartmentSummary> all = new ArrayList<>();
        // In the order of the hospitals' names, which the hospitals' list keeps as the database sorts.
        for (HospitalSummary hospital : hospitals().all()) {
            all.addAll(byHospital.getOrDefault(hospital.id(), List.of()));
        }
        return List.copyOf(all);
    }

    Optional<DepartmentSummary> department(long id) {
        return cache.read(DEPARTMENT, id, () -> jdbc.query(DEPARTMENT_COLUMNS + "where d.id = ?",
                OrganizationCatalog::department, id).stream().findFirst());
    }

    private Map<Long, List<DepartmentSummary>> loadDepartments(Set<Long> hospitalIds) {
        Map<Long, List<DepartmentSummary>> found = new LinkedHashMap<>();
        hospitalIds.forEach(id -> found.put(id, new ArrayList<>()));
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(DEPARTMENT_COLUMNS
                    + "where d.hospital_id = any(?) order by d.hospital_id, d.name");
            Array ids = connection.createArrayOf("bigint", hospitalIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            DepartmentSummary department = department(rs, 0);
            found.get(department.hospitalId()).add(department);
        });
        Map<Long, List<DepartmentSummary>> copies = new HashMap<>();
        found.forEach((id, list) -> copies.put(id, List.copyOf(list)));
        return copies;
    }

    private static DepartmentSummary department(ResultSet rs, int row) throws SQLException {
        return new DepartmentSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getBoolean(5));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    /** The hospitals by name, as the database sorts them, and by id. */
    record Hospitals(List<HospitalSummary> all, Map<Long, HospitalSummary> byId) {

        Hospitals(List<HospitalSummary> all) {
            this(List.copyOf(all), index(all));
        }

        private static Map<Long, HospitalSummary> index(List<HospitalSummary> all) {
            Map<Long, HospitalSummary> byId = new HashMap<>();
            all.forEach(h -> byId.put(h.id(), h));
            return Map.copyOf(byId);
        }
    }
}
