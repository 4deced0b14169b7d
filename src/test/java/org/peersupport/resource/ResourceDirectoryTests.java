package org.peersupport.resource;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The resource directory: who keeps what, safe links, and where crisis lines appear. */
@IntegrationTest
class ResourceDirectoryTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCoordinatorKeepsTheirHospitalsCrisisLineAndItShowsWhereItIsNeeded() throws Exception {
        Place a = fixtures.hospital();
        Place b = fixtures.hospital();
        CurrentUser coordinatorOfA = fixtures.coordinator(a.hospitalId());
        CurrentUser coordinatorOfB = fixtures.coordinator(b.hospitalId());
        String name = Fixtures.unique("Night line");
        assertThat(mvc.post().uri("/resources/new").param("hospitalId", String.valueOf(a.hospitalId()))
                .param("name", name).param("kind", "CRISIS_LINE").param("phone", "(555) 010-2000")
                .param("hours", "Any time").param("tier", "1").param("active", "true").param("version", "0")
                .with(csrf()).with(user(coordinatorOfA))).hasStatus(HttpStatus.FOUND);
        long id = jdbc.queryForObject("select id from resource where name = ?", Long.class, name);

        // Anyone, signed in or not, finds it on the crisis page, as a tel: link.
        assertThat(mvc.get().uri("/crisis")).hasStatusOk().bodyText().contains(name).contains("tel:5550102000");
        // A physician of hospital A sees it in the referral form's danger screen; one of B does not.
        assertThat(mvc.get().uri("/referrals/new").with(user(fixtures.physicianUser(a.departmentId()))))
                .hasStatusOk().bodyText().contains(name);
        assertThat(mvc.get().uri("/referrals/new").with(user(fixtures.physicianUser(b.departmentId()))))
                .hasStatusOk().bodyText().doesNotContain(name);

        // Another hospital's coordinator neither sees nor changes it.
        assertThat(mvc.get().uri("/resources").with(user(coordinatorOfB))).hasStatusOk().bodyText()
                .doesNotContain(name);
        assertThat(mvc.get().uri("/resources/{id}", id).with(user(coordinatorOfB))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/resources/{id}", id).param("name", "Taken").param("kind", "OTHER")
                .param("phone", "1").param("tier", "1").param("_active", "on").param("version", "0").with(csrf())
                .with(user(coordinatorOfB)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select name from resource where id = ?", String.class, id)).isEqualTo(name);
    }

    @Test
    void programWideResourcesAreTheAdministratorsAndLinksCannotRunScript() {
        Place a = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(a.hospitalId());
        assertThat(mvc.post().uri("/resources/new").param("name", "Everywhere").param("kind", "EAP")
                .param("phone", "1-800-000-0000").param("tier", "1").param("_active", "on").param("version", "0").with(csrf())
                .with(user(coordinator))).hasStatusOk().bodyText().contains("Choose one of your hospitals.");
        assertThat(mvc.post().uri("/resources/new").param("hospitalId", String.valueOf(a.hospitalId()))
                .param("name", "Bad link").param("kind", "OTHER").param("webAddress", "javascript:alert(1)")
                .param("tier", "1").param("_active", "on").param("version", "0").with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains("Give a web address starting with https:// or http://.");
        assertThat(mvc.post().uri("/resources/new").param("hospitalId", String.valueOf(a.hospitalId()))
                .param("name", "No way to reach").param("kind", "OTHER").param("tier", "1").param("_active", "on")
                .param("version", "0")
                .with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains("Give a phone number or a web address.");
        assertThat(jdbc.queryForObject("select count(*) from resource where name in ('Everywhere', 'Bad link', "
                + "'No way to reach')", Long.class)).isZero();

        String name = Fixtures.unique("Program EAP");
        assertThat(mvc.post().uri("/resources/new").param("name", name).param("kind", "EAP")
                .param("webAddress", "https://eap.example.org").param("tier", "1").param("active", "true")
                .param("version", "0").with(csrf()).with(user(fixtures.admin()))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/resources").with(user(coordinator))).hasStatusOk().bodyText().contains(name);
        long id = jdbc.queryForObject("select id from resource where name = ?", Long.class, name);
        assertThat(mvc.get().uri("/resources/{id}", id).with(user(coordinator))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void physiciansAndSupportersHaveNoDirectoryPages() {
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        assertThat(mvc.get().uri("/resources").with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/resources/new").with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDirectoryPagesAreStructuredForAssistiveTechnology() throws Exception {
        CurrentUser admin = fixtures.admin();
        long id = jdbc.queryForObject("select min(id) from resource", Long.class);
        for (String path : new String[] {"/resources", "/resources/new", "/resources/" + id, "/crisis"}) {
            var result = mvc.get().uri(path).with(user(admin)).exchange();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            org.peersupport.web.PageStructureAccess.check(path,
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
    }
}
