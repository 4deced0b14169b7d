package org.peersupport.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.HttpSessionClient;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The error pages as the servlet container renders them: kind words, the layout, no internals. */
@IntegrationTest
class ErrorPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void forbiddenNotFoundAndBadIdsGetTheirPagesWithoutInternals() {
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        HttpSessionClient browser = new HttpSessionClient(port);
        assertThat(browser.signIn(physician.email(), Fixtures.PASSWORD, fixtures::secondFactorCode).headers().firstValue("Location"))
                .as("relative, never built from the Host header").hasValue("/");

        HttpResponse<String> forbidden = browser.get("/admin/accounts");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("You do not have access to this page", "Skip to main content");

        HttpResponse<String> missing = browser.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");

        for (HttpResponse<String> response : new HttpResponse[] {forbidden, missing,
                browser.get("/account/password?x=%3Cscript%3E")}) {
            assertThat(response.body()).doesNotContain("Exception", "at org.", "Whitelabel", "<script>");
        }
    }

    @Test
    void aMalformedIdIsNotFoundNotAServerError() {
        CurrentUser admin = fixtures.admin();
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.signIn(admin.email(), Fixtures.PASSWORD, fixtures::secondFactorCode);
        for (String path : new String[] {"/roster/abc", "/roster/99999999999999999999", "/admin/accounts/1e5",
                "/organization/hospitals/-1", "/organization/hospitals/1/departments/x"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Page not found").doesNotContain("Exception");
        }
    }

    @Test
    void anUnreadableValueOutsideThePathIsABadRequestNotAServerError() {
        CurrentUser admin = fixtures.admin();
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.signIn(admin.email(), Fixtures.PASSWORD, fixtures::secondFactorCode);
        for (String path : new String[] {"/roster?hospitalId=abc", "/triage?status=NOT_A_STATUS",
                "/supporters?departmentId=99999999999999999999"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("Skip to main content").doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void aHugeSearchIsHandledCalmly() {
        CurrentUser admin = fixtures.admin();
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.signIn(admin.email(), Fixtures.PASSWORD, fixtures::secondFactorCode);
        String huge = "%27%20or%201%3D1--" + "x".repeat(6000);
        HttpResponse<String> response = browser.get("/roster?q=" + huge + "&page=-5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No physicians match.");
    }
}
