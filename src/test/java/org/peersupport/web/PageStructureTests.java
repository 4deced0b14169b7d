package org.peersupport.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Checks the structure assistive technology relies on, on every page: a language,
 * one main landmark and one h1, a skip link, unique ids, and a label for every visible field.
 */
@IntegrationTest
class PageStructureTests {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SupporterService supporters;

    @Autowired
    TrainingService training;

    @Test
    void everyPageIsStructuredForAssistiveTechnology() throws Exception {
        CurrentUser admin = fixtures.admin();
        Place place = fixtures.hospital();
        long physicianId = fixtures.physician(place.departmentId());
        List<String> paths = List.of("/", "/organization/hospitals", "/organization/hospitals/" + place.hospitalId(),
                "/organization/hospitals/" + place.hospitalId() + "/departments/" + place.departmentId(),
                "/roster", "/roster/new", "/roster/" + physicianId, "/roster/import", "/admin/settings",
                "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + admin.accountId(), "/account/password",
                "/referrals/new", "/crisis", "/reports", "/reports?hospitalId=" + place.hospitalId(),
                "/reports/study");
        for (String path : paths) {
            String html = mvc.get().uri(path).with(user(admin)).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            check(path, html);
        }
        check("/login", mvc.get().uri("/login").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theSupporterAndTrainingPagesAreStructuredForAssistiveTechnology() throws Exception {
        CurrentUser admin = fixtures.admin();
        Place place = fixtures.hospital();
        HospitalScope all = HospitalScope.everything();
        // A supporter with an account, a conflict and a training history, so every part of the pages shows.
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        long supporterId = supporters.nominate(physician.physicianId().orElseThrow(), all).supporterId();
        long other = supporters.nominate(fixtures.physician(place.departmentId()), all).supporterId();
        String conflictEmail = Fixtures.uniqueEmail("conflict");
        fixtures.physician(place.departmentId(), conflictEmail);
        supporters.declareConflict(supporterId, conflictEmail, all);
        Set<Long> modules = training.curriculum().stream().filter(TrainingService.ModuleView::active)
                .map(TrainingService.ModuleView::id).collect(Collectors.toSet());
        long sessionId = training.schedule(place.hospitalId(), fixtures.today().minusDays(1), "Dr Facilitator", false,
                modules, all);
        long partial = modules.iterator().next();
        training.recordAttendance(sessionId, Map.of(supporterId, modules, other, Set.of(partial)), 0, all);
        long moduleId = training.curriculum().get(0).id();
        // Active, so My training shows the pause form too.
        supporters.changeStatus(supporterId, SupporterService.StatusChange.ACTIVATE, null,
                supporters.supporter(supporterId, all).version(), all);

        List<String> paths = List.of("/supporters", "/supporters/" + supporterId, "/supporters/nominate",
                "/supporters/nominate?q=dr", "/training/sessions", "/training/sessions/" + sessionId,
                "/training/sessions/new", "/training/coverage", "/training/modules", "/training/modules/new",
                "/training/modules/" + moduleId);
        for (String path : paths) {
            var result = mvc.get().uri(path).with(user(admin)).exchange();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            check(path, result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        // Pages showing errors: each error summary and field error keeps the ids unique.
        String version = String.valueOf(supporters.supporter(supporterId, all).version());
        Map<String, MvcTestResult> withErrors = Map.of(
                "/supporters/{id}/service", mvc.post().uri("/supporters/{id}/service", supporterId)
                        .param("capacity", "-1").param("version", version).with(csrf()).with(user(admin)).exchange(),
                "/supporters/{id}/status", mvc.post().uri("/supporters/{id}/status", supporterId)
                        .param("change", "PAUSE").param("pausedUntil", "2000-01-01").param("version", version)
                        .with(csrf()).with(user(admin)).exchange(),
                "/training/sessions/new", mvc.post().uri("/training/sessions/new").param("sessionDate", "1990-01-01")
                        .param("_refresher", "on").with(csrf()).with(user(admin)).exchange(),
                "/training/sessions/{id}/attendance", mvc.post().uri("/training/sessions/{id}/attendance", sessionId)
                        .param("completed", "x").param("version", "1").with(csrf()).with(user(admin)).exchange());
        for (var page : withErrors.entrySet()) {
            String html = page.getValue().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page.getValue().getResponse().getStatus()).as(page.getKey()).isEqualTo(200);
            assertThat(html).as(page.getKey()).contains("id=\"error-summary\"");
            if (page.getKey().startsWith("/supporters") || page.getKey().equals("/training/sessions/new")) {
                assertThat(html).as(page.getKey() + ": an error next to its field").contains("-error\"");
            }
            check(page.getKey() + " with errors", html);
        }

        var mine = mvc.get().uri("/my/training").with(user(fixtures.reload(physician))).exchange();
        assertThat(mine.getResponse().getStatus()).isEqualTo(200);
        check("/my/training", mine.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static void check(String path, String html) {
        assertThat(html).as(path).contains("<html lang=\"en\"").contains("<main id=\"main\"")
                .contains("href=\"#main\"");
        assertThat(count(html, "<h1")).as(path + ": one h1").isEqualTo(1);
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        Set<String> seen = new HashSet<>();
        assertThat(ids).as(path + ": duplicate ids").allSatisfy(id -> assertThat(seen.add(id)).as(id).isTrue());
        Matcher fields = FIELD.matcher(html);
        while (fields.find()) {
            String attributes = fields.group(2);
            if (attributes.contains("type=\"hidden\"") || attributes.contains("type=\"submit\"")) {
                continue;
            }
            Matcher id = ID.matcher(" " + attributes);
            assertThat(id.find()).as(path + ": field without id: " + attributes).isTrue();
            assertThat(html).as(path + ": label for " + id.group(1)).contains("for=\"" + id.group(1) + "\"");
        }
    }

    private static int count(String html, String needle) {
        int count = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
