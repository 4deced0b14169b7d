package org.peersupport.organization.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.organization.CareerStage;
import org.peersupport.organization.RosterImportPreview.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RosterFileTest {

    static final long CARDIOLOGY = 11;

    static final long SURGERY = 12;

    static final Map<String, Long> DEPARTMENTS = Map.of(RosterFile.key("St Mary", "Cardiology"), CARDIOLOGY,
            RosterFile.key("Lakeside General", "Surgery"), SURGERY);

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static final String HEADER = "name,email,hospital,department,phone,specialty,career_stage,active\n";

    static RosterFile.Result read(String text) {
        return RosterFile.read(text.getBytes(StandardCharsets.UTF_8), DEPARTMENTS);
    }

    static Problem problem(int row, String key, String... arguments) {
        return new Problem(row, key, List.of(arguments));
    }

    @Test
    void a_good_file_gives_one_row_per_line_and_no_problems() {
        RosterFile.Result result = read(HEADER
                + "Ada Lovelace,Ada@Example.org,St Mary,Cardiology,555-0100,Cardiology,early career,yes\n"
                + "Grace Hopper,grace@example.org,lakeside general,SURGERY,,,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(
                new RosterFile.Row(2, "Ada Lovelace", "ada@example.org", "555-0100", CARDIOLOGY, "Cardiology",
                        CareerStage.EARLY_CAREER, true),
                new RosterFile.Row(3, "Grace Hopper", "grace@example.org", null, SURGERY, null, null, true));
    }

    @Test
    void the_header_may_come_in_any_order_and_case_after_a_byte_order_mark() {
        String text = "\uFEFFDepartment, E-Mail ,NAME,Hospital,Active,Career Stage\n"
                + "Cardiology,ada@example.org,Ada Lovelace,St Mary,false,MID-CAREER\n";

        RosterFile.Result result = read(text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(new RosterFile.Row(2, "Ada Lovelace", "ada@example.org", null,
                CARDIOLOGY, null, CareerStage.MID_CAREER, false));
    }

    @Test
    void missing_required_columns_are_named_once_for_the_whole_file() {
        RosterFile.Result result = read("name,phone,hospital\nAda,555,St Mary\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems())
                .containsExactly(problem(0, "import.problem.missingColumns", "email, department"));
    }

    @Test
    void each_kind_of_bad_row_is_reported_with_its_row_number() {
        RosterFile.Result result = read(HEADER
                + "Ada Lovelace,ada@example.org,St Mary,Cardiology,,,,\n" // row 2 is good
                + "No Mail,,St Mary,Cardiology,,,,\n" // 3
                + "Bad Mail,not-an-address,St Mary,Cardiology,,,,\n" // 4
                + "Lost,lost@example.org,St Mary,Dermatology,,,,\n" // 5
                + "Ada Again,ADA@example.org,St Mary,Cardiology,,,,\n" // 6
                + "Stage,stage@example.org,St Mary,Cardiology,,,professor,\n" // 7
                + "Active,active@example.org,St Mary,Cardiology,,,,maybe\n" // 8
                + ",noname@example.org,St Mary,Cardiology,,,,\n" // 9
                + "No Department,nodept@example.org,St Mary,,,,,\n"); // 10

        assertThat(result.problems()).containsExactly(
                problem(3, "import.problem.missingEmail"),
                problem(4, "import.problem.badEmail", "not-an-address"),
                problem(5, "import.problem.unknownDepartment", "Dermatology", "St Mary"),
                problem(6, "import.problem.duplicate", "ada@example.org", "2"),
                problem(7, "import.problem.careerStage", "professor"),
                problem(8, "import.problem.active", "maybe"),
                problem(9, "import.problem.missingName"),
                problem(10, "import.problem.missingDepartment"));
        assertThat(result.rows()).extracting(RosterFile.Row::number).containsExactly(2);
    }

    @Test
    void a_row_with_several_problems_lists_all_of_them() {
        RosterFile.Result result = read(HEADER + ",bad,Nowhere,Nothing,,,never,perhaps\n");

        assertThat(result.problems()).containsExactly(
                problem(2, "import.problem.missingName"),
                problem(2, "import.problem.badEmail", "bad"),
                problem(2, "import.problem.unknownDepartment", "Nothing", "Nowhere"),
                problem(2, "import.problem.careerStage", "never"),
                problem(2, "import.problem.active", "perhaps"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void bytes_that_are_not_utf8_are_an_encoding_problem_on_their_row() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((HEADER + "Ada Lovelace,ada@example.org,St Mary,Cardiology,,,,\n").getBytes(StandardCharsets.UTF_8));
        // "José" saved as Windows-1252: the lone 0xE9 byte is not UTF-8.
        out.writeBytes("Jos".getBytes(StandardCharsets.US_ASCII));
        out.write(0xE9);
        out.writeBytes(",jose@example.org,St Mary,Cardiology,,,,\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("Grace Hopper,grace@example.org,St Mary,Cardiology,,,,\n".getBytes(StandardCharsets.UTF_8));

        RosterFile.Result result = RosterFile.read(out.toByteArray(), DEPARTMENTS);

        assertThat(result.problems()).containsExactly(problem(3, "import.problem.encoding"));
        assertThat(result.rows()).extracting(RosterFile.Row::number).containsExactly(2, 4);
    }

    /** The roster form's rule for an e-mail, so an imported row can later be saved from the form. */
    record Address(@Email String value) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "first.last+tag@mail.example.co.uk", "o'brien@example.org",
            "=cmd@example.org", "josé@exämple.org", "a-b_c@my-host.example.org"})
    void an_address_the_roster_form_accepts_is_accepted(String email) {
        assertThat(VALIDATOR.validateValue(Address.class, "value", email)).isEmpty();

        RosterFile.Result result = read(HEADER + "Ada," + email + ",St Mary,Cardiology,,,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().extracting(RosterFile.Row::email).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a,b@example.org\"", "<script>alert(1)</script>@example.org", "ada@exa mple.org",
            "ada@@example.org", ".ada@example.org", "ada.@example.org", "a..da@example.org", "ada@example..org",
            "ada@-example.org", "ada@example.org-", "\"ada\"\"@example.org\"", "ada(x)@example.org", "ada;x@example.org"})
    void an_address_the_roster_form_would_refuse_is_refused(String cell) {
        String email = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(VALIDATOR.validateValue(Address.class, "value", email)).isNotEmpty();

        RosterFile.Result result = read(HEADER + "Ada," + cell + ",St Mary,Cardiology,,,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly(problem(2, "import.problem.badEmail", email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example", "ada@[127.0.0.1]", "ada@exa_mple.org", "\"\"\"ada\"\"@example.org\""})
    void an_address_needs_a_dotted_host_name_and_a_plain_local_part(String cell) {
        String email = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(VALIDATOR.validateValue(Address.class, "value", email)).as("the form is more lenient").isEmpty();

        RosterFile.Result result = read(HEADER + "Ada," + cell + ",St Mary,Cardiology,,,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().extracting(Problem::messageKey)
                .isEqualTo("import.problem.badEmail");
    }

    @Test
    void fields_longer_than_their_columns_are_reported() {
        String name = "N".repeat(161);
        String phone = "1".repeat(41);
        String specialty = "S".repeat(121);
        String email = "a".repeat(64) + "@" + "d".repeat(190) + ".org"; // 259 characters

        RosterFile.Result result = read(HEADER + name + "," + email + ",St Mary,Cardiology," + phone + ","
                + specialty + ",,\n");

        assertThat(result.problems()).containsExactly(
                problem(2, "import.problem.tooLong", "name", "160"),
                problem(2, "import.problem.badEmail", email.substring(0, 60) + "…"),
                problem(2, "import.problem.tooLong", "phone", "40"),
                problem(2, "import.problem.tooLong", "specialty", "120"));
    }

    @Test
    void fields_exactly_as_long_as_their_columns_are_accepted() {
        String name = "N".repeat(160);
        String phone = "1".repeat(40);
        String specialty = "S".repeat(120);

        RosterFile.Result result = read(HEADER + name + ",max@example.org,St Mary,Cardiology," + phone + ","
                + specialty + ",,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).hasSize(160);
            assertThat(row.phone()).hasSize(40);
            assertThat(row.specialty()).hasSize(120);
        });
    }

    @Test
    void row_numbers_count_the_header_as_row_one() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 9; i++) {
            text.append("P").append(i).append(",p").append(i).append("@example.org,St Mary,Cardiology,,,,\n");
        }
        text.append("Last,,St Mary,Cardiology,,,,\n");

        RosterFile.Result result = read(text.toString());

        assertThat(result.rows()).extracting(RosterFile.Row::number).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(result.problems()).containsExactly(problem(11, "import.problem.missingEmail"));
    }

    @Test
    void blank_rows_are_skipped_but_still_counted() {
        RosterFile.Result result = read(HEADER
                + "Ada Lovelace,ada@example.org,St Mary,Cardiology,,,,\n" // 2
                + "\n" // 3: an empty line
                + ",,,,,,,\n" // 4: an empty spreadsheet row
                + "No Mail,,St Mary,Cardiology,,,,\n" // 5
                + " , ,,\n" // 6
                + "Grace Hopper,grace@example.org,St Mary,Cardiology,,,,\n" // 7
                + ",,,,,,,\n,,,,,,,\n\n"); // 8 to 10: trailing empty rows

        assertThat(result.problems()).containsExactly(problem(5, "import.problem.missingEmail"));
        assertThat(result.rows()).extracting(RosterFile.Row::number).containsExactly(2, 7);
    }

    @Test
    void a_header_with_trailing_empty_columns_is_read() {
        RosterFile.Result result = read("name,email,hospital,department,,\nAda,ada@example.org,St Mary,Cardiology,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(RosterFile.Row::email).containsExactly("ada@example.org");
    }

    @Test
    void a_quoted_field_may_hold_a_comma_a_quote_and_a_newline() {
        RosterFile.Result result = read(HEADER
                + "\"Lovelace, Ada \"\"Countess\"\"\",ada@example.org,St Mary,Cardiology,,\"Heart\nLung\",,\r\n"
                + "Grace Hopper,grace@example.org,St Mary,Cardiology,,,,\r\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(RosterFile.Row::name, RosterFile.Row::specialty)
                .containsExactly(tuple("Lovelace, Ada \"Countess\"", "Heart\nLung"),
                        tuple("Grace Hopper", null));
        assertThat(result.rows()).extracting(RosterFile.Row::number).containsExactly(2, 3);
    }

    @Test
    void a_formula_like_value_is_kept_exactly_as_text() {
        String formula = "=cmd|' /C calc'!A0";

        RosterFile.Result result = read(HEADER + formula + ",formula@example.org,St Mary,Cardiology,+1 555,@SUM(A1),,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(formula);
            assertThat(row.phone()).isEqualTo("+1 555");
            assertThat(row.specialty()).isEqualTo("@SUM(A1)");
        });
    }

    @Test
    void an_empty_file_lacks_every_required_column() {
        for (byte[] empty : List.of(new byte[0], "\uFEFF".getBytes(StandardCharsets.UTF_8),
                "\n\n".getBytes(StandardCharsets.UTF_8))) {
            RosterFile.Result result = RosterFile.read(empty, DEPARTMENTS);

            assertThat(result.rows()).isEmpty();
            assertThat(result.problems()).containsExactly(
                    problem(0, "import.problem.missingColumns", "name, email, hospital, department"));
        }
    }

    @Test
    void a_header_without_rows_is_an_empty_file() {
        RosterFile.Result result = read(HEADER + "\n\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly(problem(0, "import.problem.empty"));
    }

    @Test
    void an_unbalanced_quote_makes_the_file_unreadable() {
        RosterFile.Result result = read(HEADER + "\"Ada,ada@example.org,St Mary,Cardiology,,,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly(problem(0, "import.problem.unreadable"));
    }

    @Test
    void a_spreadsheet_or_zip_header_looks_binary() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};

        assertThat(RosterFile.looksBinary(xlsx)).isTrue();
    }

    @Test
    void a_nul_byte_looks_binary() {
        byte[] utf16 = "name,email".getBytes(StandardCharsets.UTF_16LE);

        assertThat(RosterFile.looksBinary(utf16)).isTrue();
        assertThat(RosterFile.looksBinary(new byte[] {'a', 'b', 0, 'c'})).isTrue();
    }

    @Test
    void csv_text_does_not_look_binary() {
        assertThat(RosterFile.looksBinary((HEADER + "Zoë,zoe@example.org,St Mary,Cardiology,,,,\n")
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RosterFile.looksBinary("PK,email".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RosterFile.looksBinary(new byte[0])).isFalse();
    }
}
