package org.peersupport.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Checks the structure assistive technology relies on, on every page of this issue: a language,
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

    @Test
    void everyPageIsStructuredForAssistiveTechnology() throws Exception {
        CurrentUser admin = fixtures.admin();
        Place place = fixtures.hospital();
        long physicianId = fixtures.physician(place.departmentId());
        List<String> paths = List.of("/", "/organization/hospitals", "/organization/hospitals/" + place.hospitalId(),
                "/organization/hospitals/" + place.hospitalId() + "/departments/" + place.departmentId(),
                "/roster", "/roster/new", "/roster/" + physicianId, "/admin/roster/import", "/admin/settings",
                "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + admin.accountId(), "/account/password",
                "/referrals/new", "/crisis");
        for (String path : paths) {
            String html = mvc.get().uri(path).with(user(admin)).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            check(path, html);
        }
        check("/login", mvc.get().uri("/login").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8));
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
