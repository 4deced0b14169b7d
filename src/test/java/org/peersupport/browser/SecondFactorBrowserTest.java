package org.peersupport.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's password leads to the second step, where a wrong code is refused and the right
 * one signs in; a person adds a passkey with Chrome's virtual authenticator, and signs in with it
 * alone, with no password and no code.
 */
@IntegrationTest
class SecondFactorBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        // At the address the app knows as its own (BASE_URL): a passkey is bound to it.
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void a_coordinators_password_sign_in_asks_for_the_second_factor_and_a_wrong_code_is_refused() {
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        browser.open("/login");
        browser.type(By.id("email"), coordinator.email());
        browser.type(By.id("password"), Fixtures.PASSWORD);
        browser.find(By.cssSelector("main form button[type=submit]")).click();
        browser.waitForHeading("One more step");
        assertThat(browser.path()).isEqualTo("/login/second-factor");

        browser.type(By.id("code"), "000000");
        browser.find(By.cssSelector("main form button[type=submit]:not(.btn-link)")).click();
        assertThat(browser.find(By.id("code-error")).getText()).contains("That code is not right");
        assertThat(browser.find(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("second-factor-wrong-code");
        browser.open("/triage");
        browser.waitForHeading("One more step");

        browser.type(By.id("code"), fixtures.secondFactorCode(coordinator.email()));
        browser.find(By.cssSelector("main form button[type=submit]:not(.btn-link)")).click();
        browser.waitForHeading("Hello");
        browser.open("/triage");
        browser.waitForHeading("Triage");
    }

    @Test
    void a_person_adds_a_passkey_and_signs_in_with_it_alone() {
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        HasVirtualAuthenticator chrome = (HasVirtualAuthenticator) browser.driver();
        VirtualAuthenticator authenticator = chrome.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            browser.signIn(physician.email(), Fixtures.PASSWORD);
            browser.open("/account/security");
            browser.waitForHeading("Passkeys and second factor");
            browser.find(By.cssSelector("[data-passkey-add]")).click();
            assertThat(browser.find(By.id("passkey-label")).getAttribute("aria-invalid")).as("a name first")
                    .isEqualTo("true");
            browser.type(By.id("passkey-label"), "Work phone");
            browser.find(By.cssSelector("[data-passkey-add]")).click();
            browser.waitUntil(ExpectedConditions.urlContains("added"));
            assertThat(browser.find(By.id("passkeys")).getText()).contains("Work phone");
            browser.screenshot("passkey-added");
            assertThat(authenticator.getCredentials()).hasSize(1);
            browser.signOut();

            browser.find(By.cssSelector("[data-passkey-button]")).click();
            browser.waitForHeading("Hello");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.find(By.cssSelector("header a[href='/account/password']")).getText())
                    .as("signed in as the passkey's owner").isEqualTo(physician.displayName());

            // Added once, audited once, and its owner told; signing in with it is not an addition.
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = "
                    + "'PASSKEY_ADDED'", Long.class, physician.accountId())).isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> TestMail
                    .subjects(physician.email()).contains("A passkey was added to your Peer Support account"));
        }
        finally {
            chrome.removeVirtualAuthenticator(authenticator);
        }
    }
}
