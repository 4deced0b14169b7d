package org.peersupport.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "=1+2", "+1 555 0100", "-2+3", "@SUM(A1:A9)", "\t=1+2",
            "\r=1+2"})
    void a_cell_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "ada@example.org", "555-0100", "a=b", "'=1+2",
            "<script>alert(1)</script>"})
    void other_cells_are_left_as_they_are(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void null_and_empty_cells_are_left_as_they_are(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo(value);
    }
}
