package org.peersupport.organization;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a 10,000-row roster takes to preview and import on the real database. It prints the
 * times and checks only that every row arrived: a timed assertion would fail on a slow CI machine
 * and prove nothing. Run with {@code ./mvnw -B -ntp test -Dtest=RosterImportBenchmark -Dbenchmark=true};
 * the figures are in target/surefire-reports/org.peersupport.organization.RosterImportBenchmark-output.txt.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RosterImportBenchmark {

    static final int ROWS = 10_000;

    static final String[] STAGES = {"RESIDENT", "FELLOW", "EARLY_CAREER", "MID_CAREER", "LATE_CAREER", ""};

    @Autowired
    RosterImportService imports;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    record Department(String hospital, String name) {
    }

    @Test
    void ten_thousand_rows_are_previewed_and_imported() {
        List<Department> departments = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            String hospital = Fixtures.unique("Benchmark Hospital");
            long hospitalId = organization.createHospital(hospital, ZoneId.of("America/Chicago"));
            for (String name : List.of("Cardiology", "Surgery", "Pediatrics")) {
                String department = Fixtures.unique(name);
                organization.createDepartment(hospitalId, department, HospitalScope.everything());
                departments.add(new Department(hospital, department));
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = roster(run, departments);

        long start = System.nanoTime();
        RosterImportPreview preview = imports.upload("benchmark.csv", file, HospitalScope.everything());
        long previewed = System.nanoTime();
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.newCount()).isEqualTo(ROWS);
        RosterImportPreview imported = imports.importUpload(preview.uploadId(), HospitalScope.everything(), false);
        long done = System.nanoTime();

        assertThat(imported.importable()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from physician where email like ?", Integer.class,
                "bench-" + run + "-%")).isEqualTo(ROWS);

        // The same file again: every row exists and none changes.
        long again = System.nanoTime();
        RosterImportPreview second = imports.upload("benchmark.csv", file, HospitalScope.everything());
        long previewedAgain = System.nanoTime();
        imports.importUpload(second.uploadId(), HospitalScope.everything(), false);
        long doneAgain = System.nanoTime();

        assertThat(second.unchangedCount()).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("select count(*) from physician where email like ? and version = 0",
                Integer.class, "bench-" + run + "-%")).isEqualTo(ROWS);

        System.out.printf("RosterImportBenchmark: %,d rows, %,d bytes%n", ROWS, file.length);
        System.out.printf("  first upload + preview : %,6d ms%n", millis(start, previewed));
        System.out.printf("  first import           : %,6d ms%n", millis(previewed, done));
        System.out.printf("  second upload + preview: %,6d ms%n", millis(again, previewedAgain));
        System.out.printf("  second import (no-op)  : %,6d ms%n", millis(previewedAgain, doneAgain));
    }

    static byte[] roster(String run, List<Department> departments) {
        StringBuilder csv = new StringBuilder("name,email,hospital,department,phone,specialty,career_stage,active\n");
        for (int i = 0; i < ROWS; i++) {
            Department department = departments.get(i % departments.size());
            csv.append("Physician ").append(i).append(',')
                    .append("bench-").append(run).append('-').append(i).append("@example.org,")
                    .append('"').append(department.hospital()).append("\",")
                    .append('"').append(department.name()).append("\",")
                    .append("555-").append(String.format("%04d", i % 10_000)).append(',')
                    .append("Internal Medicine,")
                    .append(STAGES[i % STAGES.length]).append(',')
                    .append(i % 10 == 0 ? "false" : "true").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
