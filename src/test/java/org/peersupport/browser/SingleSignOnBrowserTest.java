package org.peersupport.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.AccountService;
import org.peersupport.account.Role;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestOidcProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A physician on the roster signs in for the first time with their hospital account, through the
 * provider's own sign-in page in a real browser, lands on the home page with a physician account,
 * and signs out of both the app and the provider. The app is opened at 127.0.0.1, an address the
 * provider may send people back to on any port.
 */
@IntegrationTest
class SingleSignOnBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://127.0.0.1:" + port);
        TestOidcProvider.allowApp("http://127.0.0.1:" + port);
    }

    @Test
    void a_physician_on_the_roster_signs_in_with_the_hospital_account_for_the_first_time() {
        long department = fixtures.hospital().departmentId();
        String email = Fixtures.uniqueEmail("sso-browser");
        fixtures.physician(department, email);
        TestOidcProvider.person(email, "hospital password", true, "Hospital Name");

        browser.open("/login");
        browser.waitForHeading("Sign in");
        browser.screenshot("sign-in-with-a-provider");
        browser.find(By.linkText("Sign in with Test Hospital")).click();
        // The provider's own page, on its own address.
        browser.waitUntil(ExpectedConditions.urlContains(TestOidcProvider.issuer() + "/login"));
        browser.type(By.id("username"), email);
        browser.type(By.id("password"), "hospital password");
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.waitForHeading("Hello");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(accounts.accountByEmail(email).orElseThrow().roles()).containsExactly(Role.PHYSICIAN);

        browser.signOut();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?signedOut");
        // Signed out at the provider too: signing in again asks for the hospital password.
        browser.find(By.linkText("Sign in with Test Hospital")).click();
        browser.waitUntil(ExpectedConditions.urlContains(TestOidcProvider.issuer() + "/login"));
    }
}
