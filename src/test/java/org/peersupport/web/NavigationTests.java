package org.peersupport.web;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The navigation shows each person the links of their roles and no others (#viewer). */
@IntegrationTest
class NavigationTests {

    static final String REFER = "href=\"/referrals/new\"";
    static final String CASES = "href=\"/cases\"";
    static final String TRIAGE = "href=\"/triage\"";
    static final String ACCOUNTS = "href=\"/admin/accounts\"";
    static final String SIGN_OUT = "action=\"/logout\"";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void eachRoleSeesItsOwnLinks() throws Exception {
        Place place = fixtures.hospital();
        assertThat(nav(fixtures.physicianUser(place.departmentId()))).contains(REFER, SIGN_OUT)
                .doesNotContain(CASES, TRIAGE, ACCOUNTS);
        assertThat(nav(fixtures.certifiedSupporter(place.departmentId()).user())).contains(CASES, SIGN_OUT)
                .doesNotContain(TRIAGE, ACCOUNTS);
        assertThat(nav(fixtures.coordinator(place.hospitalId()))).contains(TRIAGE, SIGN_OUT)
                .doesNotContain(REFER, CASES, ACCOUNTS);
        assertThat(nav(fixtures.admin())).contains(TRIAGE, ACCOUNTS, SIGN_OUT).doesNotContain(REFER, CASES);
    }

    @Test
    void nobodySignedInSeesNoneOfThem() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("href=\"/crisis\"")
                .doesNotContain(REFER, CASES, TRIAGE, ACCOUNTS, SIGN_OUT);
    }

    private String nav(CurrentUser user) throws java.io.UnsupportedEncodingException {
        String html = mvc.get().uri("/crisis").with(user(user)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return html.substring(html.indexOf("id=\"nav-menu\""), html.indexOf("</nav>"));
    }
}
