package org.peersupport.organization;

import java.util.List;
import java.util.UUID;

/**
 * What an uploaded roster file would do. The import is all or nothing: with any problem, nothing
 * is imported, and every problem is listed with its row number (row 1 is the header).
 */
public record RosterImportPreview(UUID uploadId, String fileName, int rowCount, int newCount, int updateCount,
        List<Problem> problems) {

    /** A problem with the file (row 0) or one of its rows, as a message key and its arguments. */
    public record Problem(int row, String messageKey, List<String> arguments) {

        public Object[] args() {
            return arguments.toArray();
        }
    }

    public boolean importable() {
        return problems.isEmpty() && rowCount > 0;
    }
}
