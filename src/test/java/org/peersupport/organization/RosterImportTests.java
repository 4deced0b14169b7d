package org.peersupport.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The roster import end to end: upload, preview, confirm, on the real database. Every test makes
 * its own hospitals and e-mails and looks only at those rows.
 */
@IntegrationTest
class RosterImportTests {

    static final String HEADER = "name,email,hospital,department,phone,specialty,career_stage,active\n";

    static final Pattern PROBLEM_ROW = Pattern.compile("<tr>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*</tr>",
            Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    CurrentUser admin;

    String hospital;

    long hospitalId;

    String cardiology;

    long cardiologyId;

    String surgery;

    long surgeryId;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        hospital = Fixtures.unique("Import Hospital");
        hospitalId = organization.createHospital(hospital, ZoneId.of("America/Chicago"));
        cardiology = Fixtures.unique("Cardiology");
        cardiologyId = organization.createDepartment(hospitalId, cardiology, HospitalScope.everything());
        surgery = Fixtures.unique("Surgery");
        surgeryId = organization.createDepartment(hospitalId, surgery, HospitalScope.everything());
    }

    @Test
    void a_good_file_is_previewed_then_imported_into_the_right_departments() {
        String ada = Fixtures.uniqueEmail("ada");
        String grace = Fixtures.uniqueEmail("grace");
        String csv = HEADER
                + row("Ada Lovelace", ada, cardiology, "555-0100", "Cardiology", "EARLY_CAREER", "true")
                + row("Grace Hopper", grace, surgery, "", "", "", "false");

        MvcTestResult preview = upload("roster.csv", csv);

        assertThat(preview).hasStatusOk().hasViewName("roster/import-preview");
        assertThat(text(preview)).contains("2 rows are ready: 2 new physicians, 0 changed, 0 unchanged.");
        assertThat(countPhysicians(ada, grace)).isZero();

        MvcTestResult confirmed = confirm(uploadId(preview));

        assertThat(confirmed).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/roster");
        assertThat(confirmed).flash().containsEntry("flash", "import.done");
        assertThat(confirmed.getMvcResult().getFlashMap().get("imported")).hasFieldOrPropertyWithValue("newCount", 2)
                .hasFieldOrPropertyWithValue("updateCount", 0);

        assertThat(physician(ada)).contains(entry("name", "Ada Lovelace"), entry("department_id", cardiologyId),
                entry("phone", "555-0100"), entry("specialty", "Cardiology"), entry("career_stage", "EARLY_CAREER"),
                entry("active", true), entry("version", 0L));
        assertThat(physician(grace)).contains(entry("name", "Grace Hopper"), entry("department_id", surgeryId),
                entry("phone", null), entry("specialty", null), entry("career_stage", null), entry("active", false));
        assertThat(jdbc.queryForObject("select count(*) from roster_upload where id = ?", Integer.class,
                uploadId(preview))).as("the confirmed upload is removed").isZero();

        assertThat(mvc.get().uri("/roster").param("hospitalId", String.valueOf(hospitalId)).with(user(admin))
                .cookie(confirmed.getResponse().getCookie("SESSION")))
                .hasStatusOk().bodyText()
                .contains("The roster is imported.", "Imported 2 new physicians, changed 0 and deactivated 0.", ada, grace);
    }

    @Test
    void a_confirmed_upload_cannot_be_imported_twice() {
        MvcTestResult preview = upload("roster.csv",
                HEADER + row("Once Only", Fixtures.uniqueEmail("once"), cardiology, "", "", "", ""));
        UUID id = uploadId(preview);
        assertThat(confirm(id)).hasStatus(HttpStatus.FOUND);

        assertThat(confirm(id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void every_bad_row_is_listed_with_its_number_and_reason_and_confirming_imports_nothing() {
        String good = Fixtures.uniqueEmail("good");
        String lost = Fixtures.uniqueEmail("lost");
        String twice = Fixtures.uniqueEmail("twice");
        String stage = Fixtures.uniqueEmail("stage");
        String csv = HEADER
                + row("Good Row", good, cardiology, "", "", "", "") // 2
                + row("No Mail", "", cardiology, "", "", "", "") // 3
                + row("Bad Mail", "not-an-address", cardiology, "", "", "", "") // 4
                + row("Lost", lost, "Dermatology", "", "", "", "") // 5
                + row("Twice", twice, cardiology, "", "", "", "") // 6
                + row("Twice Again", twice, surgery, "", "", "", "") // 7
                + row("Stage", stage, cardiology, "", "", "professor", "maybe") // 8
                + row("N".repeat(161), Fixtures.uniqueEmail("long"), cardiology, "", "", "", ""); // 9

        MvcTestResult preview = upload("roster.csv", csv);

        assertThat(preview).hasStatusOk();
        assertThat(text(preview)).contains("Nothing was imported: the file has 7 problems.")
                .doesNotContain("rows are ready");
        assertThat(html(preview)).as("no import button").doesNotContain("action=\"/roster/import/");
        assertThat(problemRows(preview)).containsExactly(
                "3: The e-mail is missing.",
                "4: The e-mail \"not-an-address\" is not a valid address.",
                "5: There is no department \"Dermatology\" at hospital \"" + hospital + "\".",
                "7: The e-mail " + twice + " is already on row 6 of this file.",
                "8: The career stage \"professor\" is not one of RESIDENT, FELLOW, EARLY_CAREER, MID_CAREER, LATE_CAREER.",
                "8: The active value \"maybe\" is not true or false.",
                "9: The name is longer than 160 characters.");

        // The preview offers no button, but a crafted POST must not import the good rows either.
        MvcTestResult confirmed = confirm(uploadId(preview));

        assertThat(confirmed).hasStatusOk().hasViewName("roster/import-preview");
        assertThat(problemRows(confirmed)).hasSize(7);
        assertThat(countPhysicians(good, lost, twice, stage)).isZero();
    }

    @Test
    void a_file_without_the_required_columns_is_refused_as_a_whole() {
        MvcTestResult preview = upload("roster.csv", "name,e-mail\nAda,ada@example.org\n");

        assertThat(problemRows(preview))
                .containsExactly("Whole file: The header row lacks these columns: hospital, department.");
        assertThat(confirm(uploadId(preview))).hasStatusOk().hasViewName("roster/import-preview");
    }

    @Test
    void importing_the_same_emails_again_updates_in_place_and_bumps_only_changed_rows() {
        String changed = Fixtures.uniqueEmail("changed");
        String same = Fixtures.uniqueEmail("same");
        String moved = Fixtures.uniqueEmail("moved");
        importFile(HEADER
                + row("Changed", changed, cardiology, "555-0001", "Cardiology", "RESIDENT", "true")
                + row("Same", same, cardiology, "555-0002", "Cardiology", "FELLOW", "true")
                + row("Moved", moved, cardiology, "", "", "", "true"));
        long changedId = (Long) physician(changed).get("id");

        String added = Fixtures.uniqueEmail("added");
        MvcTestResult preview = upload("roster-again.csv", HEADER
                + row("Changed Name", changed.toUpperCase(), cardiology, "555-0009", "Cardiology", "FELLOW", "false")
                + row("Same", same, cardiology, "555-0002", "Cardiology", "FELLOW", "true")
                + row("Moved", moved, surgery, "", "", "", "true")
                + row("Added", added, surgery, "", "", "", ""));

        assertThat(text(preview)).contains("4 rows are ready: 1 new physicians, 2 changed, 1 unchanged.");
        assertThat(confirm(uploadId(preview))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/roster");

        assertThat(jdbc.queryForList("select email from physician where email in (?, ?, ?, ?)", String.class,
                changed, same, moved, added)).containsExactlyInAnyOrder(changed, same, moved, added);
        assertThat(physician(changed)).contains(entry("id", changedId), entry("name", "Changed Name"),
                entry("phone", "555-0009"), entry("career_stage", "FELLOW"), entry("active", false),
                entry("version", 1L));
        assertThat(physician(same)).contains(entry("name", "Same"), entry("version", 0L));
        assertThat(physician(moved)).contains(entry("department_id", surgeryId), entry("version", 1L));
        assertThat(physician(added)).contains(entry("department_id", surgeryId), entry("version", 0L));
    }

    @Test
    void hostile_names_are_stored_as_typed_escaped_on_the_page_and_neutralised_in_the_export() {
        String formula = "=cmd|' /C calc'!A0";
        String script = "<script>alert(1)</script>";
        String formulaEmail = Fixtures.uniqueEmail("formula");
        String scriptEmail = Fixtures.uniqueEmail("script");
        importFile(HEADER
                + row(formula, formulaEmail, cardiology, "+1 555 0100", "@SUM(A1)", "", "")
                + row(script, scriptEmail, cardiology, "", "", "", ""));

        assertThat(physician(formulaEmail)).contains(entry("name", formula), entry("phone", "+1 555 0100"),
                entry("specialty", "@SUM(A1)"));
        assertThat(physician(scriptEmail)).contains(entry("name", script));

        MvcTestResult page = mvc.get().uri("/roster").param("hospitalId", String.valueOf(hospitalId))
                .with(user(admin)).exchange();
        assertThat(page).hasStatusOk();
        assertThat(html(page)).contains(scriptEmail, "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        assertThat(text(page)).contains(formula);

        MvcTestResult export = mvc.get().uri("/roster/export.csv").with(user(admin)).exchange();
        assertThat(export).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        Map<String, CSVRecord> exported = exportedRows(export, formulaEmail, scriptEmail);
        assertThat(exported.get(formulaEmail).get("name")).isEqualTo("'" + formula);
        assertThat(exported.get(formulaEmail).get("phone")).isEqualTo("'+1 555 0100");
        assertThat(exported.get(formulaEmail).get("specialty")).isEqualTo("'@SUM(A1)");
        assertThat(exported.get(scriptEmail).get("name")).isEqualTo(script);
    }

    @Test
    void hostile_values_echoed_in_the_preview_are_escaped() {
        String script = "<script>alert(2)</script>";
        String csv = HEADER + row("Ada", script + "@example.org", script, "", "", script, "");

        MvcTestResult preview = upload("<img src=x onerror=alert(3)>.csv", csv);

        assertThat(problemRows(preview)).containsExactly(
                "2: The e-mail \"" + script + "@example.org\" is not a valid address.",
                "2: There is no department \"" + script + "\" at hospital \"" + hospital + "\".",
                "2: The career stage \"" + script + "\" is not one of RESIDENT, FELLOW, EARLY_CAREER, MID_CAREER, LATE_CAREER.");
        assertThat(text(preview)).contains("<img src=x onerror=alert(3)>.csv");
        assertThat(html(preview)).doesNotContain("<script>alert", "<img src=x");
    }

    @Test
    void a_spreadsheet_is_refused_with_a_clear_message_and_not_stored() {
        byte[] xlsx = binary("PK\u0003\u0004");

        MvcTestResult result = upload("roster.xlsx", xlsx);

        assertThat(result).hasStatusOk().hasViewName("roster/import").model().doesNotContainKey("preview");
        assertThat(text(result)).contains("This is not a CSV file. In your spreadsheet, use \"Save as\", "
                + "choose \"CSV UTF-8\", and upload that file.");
        assertThat(storedUploadsWithContent(xlsx)).isZero();
    }

    @Test
    void a_binary_file_named_csv_is_refused_with_the_same_message_and_not_stored() {
        for (byte[] content : List.of(binary("PK\u0003\u0004"), binary("\u0000\u0000name,email"))) {
            MvcTestResult result = upload("roster.csv", content);

            assertThat(result).hasStatusOk().hasViewName("roster/import");
            assertThat(text(result)).contains("This is not a CSV file. In your spreadsheet, use \"Save as\"");
            assertThat(storedUploadsWithContent(content)).isZero();
        }
    }

    @Test
    void an_upload_larger_than_the_request_limit_is_sent_back_to_the_form_with_a_message() {
        String boundary = "----roster" + UUID.randomUUID();
        byte[] body = multipartBody(boundary, "huge.csv", csvOfSize(6 * 1024 * 1024 + 1024));

        // MockMvc leaves the servlet path empty unless told; Tomcat's DispatcherServlet at "/" sets it
        // to the whole path, which the filter's redirect is built from (see the next test).
        assertThat(mvc.post().uri("/roster/import").servletPath("/roster/import").with(user(admin))
                .with(csrf()).contentType("multipart/form-data; boundary=" + boundary).content(body))
                .hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/roster/import?tooLarge");

        assertThat(mvc.get().uri("/roster/import?tooLarge").with(user(admin))).hasStatusOk().bodyText()
                .contains("The file is larger than 5 MB. Split it into smaller files and import each.");
    }

    @Test
    void the_running_server_turns_an_oversized_upload_away_before_reading_it() throws Exception {
        String boundary = "----roster" + UUID.randomUUID();
        byte[] body = multipartBody(boundary, "huge.csv", csvOfSize(7 * 1024 * 1024));
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/roster/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/roster/import?tooLarge");
    }

    @Test
    void a_file_between_the_file_limit_and_the_request_limit_gets_the_message_from_the_form() {
        String name = "big-" + UUID.randomUUID() + ".csv";

        MvcTestResult result = upload(name, csvOfSize(5 * 1024 * 1024 + 512 * 1024));

        assertThat(result).hasStatusOk().hasViewName("roster/import");
        assertThat(text(result)).contains("The file is larger than 5 MB. Split it into smaller files and import each.");
        assertThat(jdbc.queryForObject("select count(*) from roster_upload where file_name = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void an_upload_without_a_file_asks_for_one() {
        assertThat(upload("roster.csv", new byte[0])).hasStatusOk().bodyText()
                .contains("Choose a CSV file to upload.");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() {
        assertThat(mvc.get().uri("/roster/import")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .asString().endsWith("/login");
        assertThat(mvc.post().uri("/roster/import").multipart()
                .file(new MockMultipartFile("file", "roster.csv", "text/csv", csvBytes(HEADER))).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().asString().endsWith("/login");
        assertThat(mvc.post().uri("/roster/import/" + UUID.randomUUID()).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().asString().endsWith("/login");
    }

    @Test
    void physicians_and_supporters_may_not_import() {
        String email = Fixtures.uniqueEmail("forbidden");
        byte[] csv = csvBytes(HEADER + row("Forbidden", email, cardiology, "", "", "", ""));
        UUID adminUpload = uploadId(upload("roster.csv", csv));

        for (CurrentUser other : List.of(fixtures.physicianUser(cardiologyId),
                fixtures.certifiedSupporter(cardiologyId).user())) {
            assertThat(mvc.get().uri("/roster/import").with(user(other))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/roster/import/template.csv").with(user(other))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/roster/import").multipart()
                    .file(new MockMultipartFile("file", "roster.csv", "text/csv", csv)).with(user(other))
                    .with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/roster/import/" + adminUpload).with(user(other)).with(csrf()))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(countPhysicians(email)).isZero();
    }

    // --- Coordinators, for their hospitals

    @Test
    void a_coordinator_imports_their_hospitals_rows_and_another_hospitals_row_is_refused_by_number() {
        CurrentUser coordinator = fixtures.coordinator(hospitalId);
        Place elsewhere = fixtures.hospital();
        String department = jdbc.queryForObject("select name from department where id = ?", String.class,
                elsewhere.departmentId());
        String ours = Fixtures.uniqueEmail("ours");
        String theirs = Fixtures.uniqueEmail("theirs");
        // A physician of the other hospital, whom a row of ours would move into our hospital.
        String taken = Fixtures.uniqueEmail("taken");
        fixtures.physician(elsewhere.departmentId(), taken);
        String csv = HEADER + row("Ours", ours, cardiology, "", "", "", "")
                + String.join(",", quote("Theirs"), quote(theirs), quote(elsewhere.hospitalName()), quote(department),
                        "", "", "", "") + "\n"
                + row("Taken", taken, cardiology, "", "", "", "");

        MvcTestResult preview = upload("roster.csv", csv, coordinator);
        assertThat(problemRows(preview)).containsExactly(
                "3: Hospital \"" + elsewhere.hospitalName() + "\" is not one of yours: import only your hospitals' physicians.",
                "4: The e-mail " + taken + " belongs to a physician of a hospital that is not yours.");
        assertThat(countPhysicians(ours, theirs)).isZero();

        // Without those rows, the coordinator's file is imported.
        MvcTestResult good = upload("roster.csv", HEADER + row("Ours", ours, cardiology, "", "", "", ""), coordinator);
        assertThat(problemRows(good)).isEmpty();
        assertThat(mvc.post().uri("/roster/import/{id}", uploadId(good)).with(user(coordinator)).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/roster");
        assertThat(physician(ours)).contains(entry("department_id", cardiologyId));
        assertThat(jdbc.queryForObject("select department_id from physician where email = ?", Long.class, taken))
                .isEqualTo(elsewhere.departmentId());

        // A file previewed by an administrator is checked again against the coordinator's hospitals.
        UUID adminsUpload = uploadId(upload("roster.csv", csv.replace(taken, Fixtures.uniqueEmail("free"))));
        assertThat(mvc.post().uri("/roster/import/{id}", adminsUpload).with(user(coordinator)).with(csrf()))
                .hasStatusOk().bodyText().contains("is not one of yours");
        assertThat(countPhysicians(theirs)).isZero();
    }

    @Test
    void the_preview_lists_every_row_with_before_and_after_and_those_left_out_may_be_deactivated() {
        String same = Fixtures.uniqueEmail("same");
        String changed = Fixtures.uniqueEmail("changed");
        String left = Fixtures.uniqueEmail("left");
        importFile(HEADER + row("Same", same, cardiology, "", "", "", "")
                + row("Before Name", changed, cardiology, "555-0100", "", "", "")
                + row("Left Out", left, surgery, "", "", "", ""));
        String added = Fixtures.uniqueEmail("added");
        MvcTestResult preview = upload("roster.csv", HEADER + row("Same", same, cardiology, "", "", "", "")
                + row("After Name", changed, surgery, "555-0100", "", "", "")
                + row("Added", added, cardiology, "", "", "", ""));

        String page = text(preview);
        assertThat(page).contains("3 rows are ready: 1 new physicians, 1 changed, 1 unchanged.",
                "Name: Before Name → After Name", "Department: " + cardiology + ", " + hospital + " → " + surgery
                        + ", " + hospital, "Unchanged", "Added", "Not in the file", left,
                "Also deactivate the 1 active physicians of these hospitals whom the file leaves out");
        assertThat(page).doesNotContain("Phone:");

        // Imported without the box: the one left out stays active; with it, on a new upload, not.
        assertThat(confirm(uploadId(preview))).hasStatus(HttpStatus.FOUND);
        assertThat(physician(left)).contains(entry("active", true));
        MvcTestResult again = upload("roster.csv", HEADER + row("Same", same, cardiology, "", "", "", "")
                + row("After Name", changed, surgery, "555-0100", "", "", "")
                + row("Added", added, cardiology, "", "", "", ""));
        assertThat(mvc.post().uri("/roster/import/{id}", uploadId(again)).param("deactivateMissing", "true")
                .with(user(admin)).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(physician(left)).contains(entry("active", false));
        assertThat(physician(same)).contains(entry("active", true));
    }

    @Test
    void a_long_preview_is_read_a_page_at_a_time() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < RosterImportService.PAGE_SIZE + 5; i++) {
            csv.append(row(String.format("Row %03d", i), Fixtures.uniqueEmail("page"), cardiology, "", "", "", ""));
        }
        MvcTestResult preview = upload("roster.csv", csv.toString());
        UUID id = uploadId(preview);
        assertThat(text(preview)).contains("Row 000", "Row 049").doesNotContain("Row 050");
        assertThat(mvc.get().uri("/roster/import/{id}?page=1", id).with(user(admin))).hasStatusOk().bodyText()
                .contains("Row 050", "Row 054").doesNotContain("Row 049");
        assertThat(mvc.get().uri("/roster/import/{id}?page=99", id).with(user(admin))).hasStatusOk();
        assertThat(mvc.get().uri("/roster/import/{id}", UUID.randomUUID()).with(user(admin)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_template_is_a_file_this_import_reads() throws Exception {
        MvcTestResult template = mvc.get().uri("/roster/import/template.csv").with(user(fixtures.coordinator(hospitalId)))
                .exchange();
        assertThat(template).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        String content = template.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFFname,email,hospital,department,phone,specialty,career_stage,active\r\n");
        // The example row fails only on its made-up hospital.
        assertThat(problemRows(upload("template.csv", content))).singleElement().asString()
                .startsWith("2: There is no department");
    }

    @Test
    void confirming_an_unknown_upload_is_not_found() {
        assertThat(confirm(UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/roster/import/not-a-uuid").with(user(admin)).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    // --- helpers

    String row(String name, String email, String department, String phone, String specialty, String stage,
            String active) {
        return String.join(",", quote(name), quote(email), quote(hospital), quote(department), quote(phone),
                quote(specialty), stage, active) + "\n";
    }

    static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static byte[] csvBytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /** Binary content that starts as given and is unique, so we can look for it in the table. */
    static byte[] binary(String start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(start.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {20, 0, 6, 0, 8, 0});
        out.writeBytes(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] csvOfSize(int bytes) {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) 'a');
        byte[] header = csvBytes(HEADER);
        System.arraycopy(header, 0, content, 0, header.length);
        for (int i = header.length + 99; i < bytes; i += 100) {
            content[i] = '\n';
        }
        return content;
    }

    static byte[] multipartBody(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    MvcTestResult upload(String fileName, String csv) {
        return upload(fileName, csvBytes(csv));
    }

    MvcTestResult upload(String fileName, byte[] content) {
        return upload(fileName, content, admin);
    }

    MvcTestResult upload(String fileName, String csv, CurrentUser who) {
        return upload(fileName, csvBytes(csv), who);
    }

    MvcTestResult upload(String fileName, byte[] content, CurrentUser who) {
        return mvc.post().uri("/roster/import").multipart()
                .file(new MockMultipartFile("file", fileName, "text/csv", content)).with(user(who)).with(csrf())
                .exchange();
    }

    MvcTestResult confirm(UUID uploadId) {
        return mvc.post().uri("/roster/import/{id}", uploadId).with(user(admin)).with(csrf()).exchange();
    }

    void importFile(String csv) {
        MvcTestResult preview = upload("roster.csv", csv);
        assertThat(problemRows(preview)).isEmpty();
        assertThat(confirm(uploadId(preview))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/roster");
    }

    static UUID uploadId(MvcTestResult result) {
        RosterImportPreview preview = (RosterImportPreview) result.getMvcResult().getModelAndView().getModel()
                .get("preview");
        assertThat(preview).as("preview in the model").isNotNull();
        assertThat(preview.uploadId()).as("stored upload").isNotNull();
        return preview.uploadId();
    }

    static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The page as a reader sees its text, entities decoded. */
    static String text(MvcTestResult result) {
        return HtmlUtils.htmlUnescape(html(result));
    }

    /** The rendered problem table, as "row: problem" lines; none when the page has no problem table. */
    static List<String> problemRows(MvcTestResult result) {
        List<String> rows = new ArrayList<>();
        String html = html(result);
        int table = html.indexOf("id=\"problems-title\"");
        Matcher matcher = PROBLEM_ROW.matcher(table < 0 ? "" : html.substring(table));
        while (matcher.find()) {
            rows.add(HtmlUtils.htmlUnescape(matcher.group(1)).strip() + ": "
                    + HtmlUtils.htmlUnescape(matcher.group(2)).strip());
        }
        return rows;
    }

    Map<String, Object> physician(String email) {
        return jdbc.queryForMap("select id, name, phone, department_id, specialty, career_stage, active, version "
                + "from physician where email = ?", email);
    }

    int countPhysicians(String... emails) {
        return jdbc.queryForObject("select count(*) from physician where email = any(?)", Integer.class,
                (Object) emails);
    }

    int storedUploadsWithContent(byte[] content) {
        return jdbc.queryForObject("select count(*) from roster_upload where content = ?", Integer.class,
                (Object) content);
    }

    static Map<String, CSVRecord> exportedRows(MvcTestResult export, String... emails) {
        List<String> wanted = List.of(emails);
        try {
            Map<String, CSVRecord> rows = new java.util.HashMap<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(html(export)))) {
                if (wanted.contains(record.get("email"))) {
                    rows.put(record.get("email"), record);
                }
            }
            assertThat(rows).containsOnlyKeys(wanted);
            return rows;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
