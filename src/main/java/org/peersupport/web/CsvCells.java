package org.peersupport.web;

/**
 * Neutralises spreadsheet formulas in exported cells. A roster value such as
 * {@code =HYPERLINK(...)} or {@code @SUM(...)} is stored as typed, and exported with a leading
 * apostrophe so that a spreadsheet shows it as text instead of running it.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
