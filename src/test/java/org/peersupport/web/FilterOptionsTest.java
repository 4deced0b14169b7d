package org.peersupport.web;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;

import static org.assertj.core.api.Assertions.assertThat;

class FilterOptionsTest {

    final FilterOptions options = new FilterOptions();

    @Test
    void labelsAreEscapedSoTheTemplateMayInsertThemAsTheyAre() {
        HospitalSummary hostile = new HospitalSummary(7, "<script>alert(1)</script> \"St. Anne's\" & Co",
                ZoneId.of("UTC"), true);
        assertThat(options.html(List.of(hostile), null)).isEqualTo("<option value=\"7\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt; &quot;St. Anne&#39;s&quot; &amp; Co</option>");
    }

    @Test
    void theChosenOneIsSelectedAndOnlyIt() {
        List<DepartmentSummary> departments = List.of(new DepartmentSummary(1, 9, "Northbay", "Emergency", true),
                new DepartmentSummary(2, 9, "Northbay", "Surgery", true));
        assertThat(options.html(departments, 2L)).isEqualTo("<option value=\"1\">Emergency, Northbay</option>"
                + "<option value=\"2\" selected>Surgery, Northbay</option>");
        assertThat(options.html(departments, null)).doesNotContain("selected");
        assertThat(options.html(departments, 3L)).doesNotContain("selected");
        assertThat(options.html(List.of(), 1L)).isEmpty();
    }
}
