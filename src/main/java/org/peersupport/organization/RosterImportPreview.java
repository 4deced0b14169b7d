package org.peersupport.organization;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;

/**
 * What an uploaded roster file would do. The import is all or nothing: with any problem, nothing
 * is imported, and every problem is listed with its row number (row 1 is the header). Without
 * problems, every row is listed, a page at a time: to be added, changed (each field before and
 * after) or left as it is; and after them the active physicians of the file's hospitals whom the
 * file leaves out, whom the import may deactivate.
 */
public record RosterImportPreview(UUID uploadId, String fileName, int rowCount, int newCount, int changeCount,
        int unchangedCount, int missingCount, List<Problem> problems, Page<Line> lines) {

    /** A problem with the file (row 0) or one of its rows, as a message key and its arguments. */
    public record Problem(int row, String messageKey, List<String> arguments) {

        public Object[] args() {
            return arguments.toArray();
        }
    }

    public enum Change {
        ADD, CHANGE, SAME, MISSING
    }

    /** One field of a changed row: its name (a column of the file), and its value before and after. */
    public record FieldChange(String field, String before, String after) {
    }

    /** A row of the file (row 0 for a physician the file leaves out) and what the import does with it. */
    public record Line(int row, Change change, String name, String email, String department,
            List<FieldChange> changes) {
    }

    public boolean importable() {
        return problems.isEmpty() && rowCount > 0;
    }
}
