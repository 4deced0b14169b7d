package org.peersupport.organization.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peersupport.organization.CareerStage;
import org.peersupport.organization.RosterImportPreview.Problem;

/**
 * Reads a roster CSV file: UTF-8 (with or without a byte-order mark), comma-separated, a header
 * row naming the columns in any order. Every row is checked; nothing is thrown for bad content.
 */
public final class RosterFile {

    public static final List<String> REQUIRED = List.of("name", "email", "hospital", "department");

    public static final List<String> OPTIONAL = List.of("phone", "specialty", "career_stage", "active");

    public static final int MAX_ROWS = 50_000;

    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+";

    private static final String LABEL = "[a-z0-9\\p{L}\\p{N}](?:[a-z0-9\\p{L}\\p{N}-]{0,61}[a-z0-9\\p{L}\\p{N}])?";

    /**
     * A lower-cased address the roster form's {@code @Email} also accepts, so an imported row can be
     * saved from the form later. Stricter than the form in three ways: no quoted local part, no IP
     * literal, and a dotted host name of letters, digits and hyphens.
     */
    private static final Pattern EMAIL = Pattern
            .compile("^(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+$");

    private static final char REPLACEMENT = '\uFFFD';

    /** A row that passed every check, with its department resolved. */
    public record Row(int number, String name, String email, String phone, long departmentId, String specialty,
            CareerStage careerStage, boolean active) {
    }

    public record Result(List<Row> rows, List<Problem> problems) {
    }

    private RosterFile() {
    }

    /** True when the bytes look like a binary file (a spreadsheet, an image) rather than text. */
    public static boolean looksBinary(byte[] content) {
        int limit = Math.min(content.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * @param departments department ids by "hospital name|department name", both lower-cased
     */
    public static Result read(byte[] content, Map<String, Long> departments) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        // Undecodable bytes become U+FFFD, so the rows that hold them can be named.
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = columns(parser.getHeaderNames());
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(0, "import.problem.missingColumns", List.of(String.join(", ", missing))));
                return new Result(rows, problems);
            }
            Map<String, Integer> firstRowOfEmail = new HashMap<>();
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber() + 1;
                if (number - 1 > MAX_ROWS) {
                    problems.add(new Problem(0, "import.problem.tooManyRows", List.of(String.valueOf(MAX_ROWS))));
                    break;
                }
                // An empty line, or a spreadsheet's empty row (",,,,"), holds nothing to import. It is
                // still counted, so that later row numbers match the spreadsheet's.
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                readRow(record, number, columns, departments, firstRowOfEmail, rows, problems);
            }
        }
        catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
            problems.add(new Problem(0, "import.problem.unreadable", List.of()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "import.problem.empty", List.of()));
        }
        return new Result(rows, problems);
    }

    private static void readRow(CSVRecord record, int number, Map<String, Integer> columns,
            Map<String, Long> departments, Map<String, Integer> firstRowOfEmail, List<Row> rows,
            List<Problem> problems) {
        int before = problems.size();
        for (String value : record) {
            if (value.indexOf(REPLACEMENT) >= 0) {
                problems.add(new Problem(number, "import.problem.encoding", List.of()));
                return;
            }
        }
        String name = cell(record, columns, "name");
        String email = cell(record, columns, "email");
        String hospital = cell(record, columns, "hospital");
        String department = cell(record, columns, "department");
        String phone = cell(record, columns, "phone");
        String specialty = cell(record, columns, "specialty");
        String stage = cell(record, columns, "career_stage");
        String active = cell(record, columns, "active");

        if (name == null) {
            problems.add(new Problem(number, "import.problem.missingName", List.of()));
        }
        else if (name.length() > 160) {
            problems.add(new Problem(number, "import.problem.tooLong", List.of("name", "160")));
        }
        if (email == null) {
            problems.add(new Problem(number, "import.problem.missingEmail", List.of()));
        }
        else {
            email = email.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem(number, "import.problem.badEmail", List.of(shorten(email))));
            }
            else {
                Integer first = firstRowOfEmail.putIfAbsent(email, number);
                if (first != null) {
                    problems.add(new Problem(number, "import.problem.duplicate",
                            List.of(email, String.valueOf(first))));
                }
            }
        }
        Long departmentId = null;
        if (hospital == null || department == null) {
            problems.add(new Problem(number, "import.problem.missingDepartment", List.of()));
        }
        else {
            departmentId = departments.get(key(hospital, department));
            if (departmentId == null) {
                problems.add(new Problem(number, "import.problem.unknownDepartment",
                        List.of(shorten(department), shorten(hospital))));
            }
        }
        if (phone != null && phone.length() > 40) {
            problems.add(new Problem(number, "import.problem.tooLong", List.of("phone", "40")));
        }
        if (specialty != null && specialty.length() > 120) {
            problems.add(new Problem(number, "import.problem.tooLong", List.of("specialty", "120")));
        }
        CareerStage careerStage = null;
        if (stage != null) {
            try {
                careerStage = CareerStage.valueOf(stage.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            }
            catch (IllegalArgumentException ex) {
                problems.add(new Problem(number, "import.problem.careerStage", List.of(shorten(stage))));
            }
        }
        Boolean isActive = active == null ? Boolean.TRUE : parseBoolean(active);
        if (isActive == null) {
            problems.add(new Problem(number, "import.problem.active", List.of(shorten(active))));
        }
        if (problems.size() == before) {
            rows.add(new Row(number, name, email, phone, departmentId, specialty, careerStage, isActive));
        }
    }

    public static String key(String hospital, String department) {
        return hospital.strip().toLowerCase(Locale.ROOT) + "|" + department.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> columns(List<String> headers) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).strip().toLowerCase(Locale.ROOT)
                    .replace(' ', '_').replace('-', '_');
            if (header.equals("e_mail")) {
                header = "email";
            }
            columns.putIfAbsent(header, i);
        }
        return columns;
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "active" -> Boolean.TRUE;
            case "false", "no", "n", "0", "inactive" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Echoes a bad value back in a problem message, but never a megabyte of it. */
    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
