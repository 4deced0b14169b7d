package org.peersupport.browser;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up a department, imports its roster and gives one of its physicians an
 * account; that physician then signs in and is offered "Refer a colleague".
 */
@IntegrationTest
class AdminJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

    @TempDir
    Path files;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void an_administrator_sets_up_a_department_and_its_physician_signs_in() throws IOException {
        CurrentUser admin = fixtures.admin();
        Fixtures.Place place = fixtures.hospital();
        String department = Fixtures.unique("Cardiology");
        List<String> emails = List.of(Fixtures.uniqueEmail("ada"), Fixtures.uniqueEmail("ben"),
                Fixtures.uniqueEmail("chen"));

        // The administrator signs in and lands on the setup home page.
        browser.signIn(admin.email(), Fixtures.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find(By.id("admin-home")).getText()).contains("Import the physician roster");

        // Adds a department on the hospital's page.
        browser.open("/organization/hospitals/" + place.hospitalId());
        browser.waitForHeading(place.hospitalName());
        By departmentForm = By.cssSelector("form[action$='/organization/hospitals/" + place.hospitalId()
                + "/departments']");
        WebElement form = browser.find(departmentForm);
        WebElement name = form.findElement(By.name("name"));
        name.sendKeys(department);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText())
                .isEqualTo("The department is added.");
        assertThat(browser.path()).isEqualTo("/organization/hospitals/" + place.hospitalId());
        assertThat(departmentRows()).anySatisfy(row -> assertThat(row).startsWith(department).contains("Active"));

        // Imports a roster of three physicians in that department: upload, check, confirm.
        Path csv = roster(place.hospitalName(), department, emails);
        browser.open("/roster/import");
        browser.waitForHeading("Import the physician roster");
        browser.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Check the file']")).click();
        browser.waitForHeading("Check before importing");
        assertThat(browser.find(By.cssSelector("main p.lead")).getText())
                .isEqualTo("3 rows are ready: 3 new physicians, 0 changed, 0 unchanged.");
        browser.find(By.xpath("//main//button[normalize-space()='Import']")).click();
        browser.waitForHeading("Physician roster");
        assertThat(browser.path()).isEqualTo("/roster");
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText())
                .isEqualTo("The roster is imported.");
        assertThat(browser.find(By.cssSelector("main .alert-info")).getText())
                .isEqualTo("Imported 3 new physicians, changed 0 and deactivated 0.");

        // The imported physician is on the roster, in the new department.
        browser.type(By.id("q"), emails.get(0));
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Search']")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main p[role=status]"),
                "1 physician"));
        WebElement row = browser.find(By.cssSelector("main table tbody tr"));
        assertThat(row.getText()).contains("Ada Test", emails.get(0), department + ", " + place.hospitalName(),
                "Cardiology", "Active");

        // Gives that physician an account; the account links itself to the roster row by e-mail.
        browser.open("/admin/accounts/new");
        browser.waitForHeading("New account");
        browser.type(By.id("email"), emails.get(0));
        browser.type(By.id("displayName"), "Dr Ada Test");
        WebElement physicianRole = browser.find(By.cssSelector("input[name=roles][value=PHYSICIAN]"));
        WebElement physicianLabel = browser.driver()
                .findElement(By.cssSelector("label[for='" + physicianRole.getAttribute("id") + "']"));
        assertThat(physicianLabel.getText()).isEqualTo("Physician");
        physicianLabel.click();
        assertThat(physicianRole.isSelected()).isTrue();
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Create account']")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "The account is created, and the person was e-mailed a link to set their password."));
        assertThat(browser.path()).matches("/admin/accounts/\\d+");
        assertThat(browser.find(By.id("access-physicianEmail")).getAttribute("value")).isEqualTo(emails.get(0));

        browser.signOut();
        assertThat(browser.find(By.cssSelector("main .alert-info")).getText()).isEqualTo("You are signed out.");

        // The physician sets their own password from the e-mailed link, signs in and is offered the referral.
        browser.open("/account/set-password/" + TestMail.passwordLinkToken(emails.get(0)));
        browser.waitForHeading("Set your password");
        browser.type(By.id("password"), Fixtures.PASSWORD);
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Set password']")).click();
        browser.waitForHeading("Sign in");
        browser.signIn(emails.get(0), Fixtures.PASSWORD);
        assertThat(browser.waitForHeading("Hello").getText()).isEqualTo("Hello, Dr Ada Test");
        WebElement physicianHome = browser.find(By.id("physician-home"));
        WebElement refer = physicianHome.findElement(By.cssSelector("a[href='/referrals/new']"));
        assertThat(refer.getText()).startsWith("Refer a colleague");
        assertThat(browser.driver().findElements(By.id("admin-home"))).isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//header//a[normalize-space()='Accounts']"))).isEmpty();
        browser.screenshot("admin-journey-physician-home");
    }

    private List<String> departmentRows() {
        return browser.driver().findElements(By.cssSelector("main table tbody tr")).stream().map(WebElement::getText)
                .toList();
    }

    @Test
    void an_account_whose_invitation_the_mail_server_did_not_take_is_made_with_a_warning_not_a_success()
            throws IOException {
        CurrentUser admin = fixtures.admin();
        Fixtures.Place place = fixtures.hospital();
        String email = Fixtures.uniqueEmail("not.mailed");
        fixtures.physician(place.departmentId(), email);
        browser.signIn(admin.email(), Fixtures.PASSWORD);
        browser.open("/admin/accounts/new");
        browser.waitForHeading("New account");
        browser.type(By.id("email"), email);
        browser.type(By.id("displayName"), "Dr Not Mailed");
        WebElement physicianRole = browser.find(By.cssSelector("input[name=roles][value=PHYSICIAN]"));
        browser.driver().findElement(By.cssSelector("label[for='" + physicianRole.getAttribute("id") + "']")).click();
        int mailPort = mailSender.getPort();
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        // No mail server where the app sends while this account is made.
        mailSender.setPort(closed);
        try {
            browser.driver().findElement(By.xpath("//main//button[normalize-space()='Create account']")).click();
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-warning"),
                    "The account is created, but the mail server did not take the invitation."));
        }
        finally {
            mailSender.setPort(mailPort);
        }
        assertThat(browser.path()).matches("/admin/accounts/\\d+");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert-success"))).isEmpty();
        browser.signOut();
    }

    @Test
    void a_coordinator_imports_their_roster_after_reading_what_changes() throws IOException {
        Fixtures.Place place = fixtures.hospital();
        String department = jdbcDepartment(place.departmentId());
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        String kept = Fixtures.uniqueEmail("kept");
        String renamed = Fixtures.uniqueEmail("renamed");
        String left = Fixtures.uniqueEmail("left");
        fixtures.physician(place.departmentId(), kept);
        long renamedId = fixtures.physician(place.departmentId(), renamed);
        fixtures.physician(place.departmentId(), left);
        String oldName = jdbc.queryForObject("select name from physician where id = ?", String.class, renamedId);
        String keptName = jdbc.queryForObject("select name from physician where email = ?", String.class, kept);
        String added = Fixtures.uniqueEmail("added");
        Path csv = files.resolve("our-roster.csv");
        // The fixtures' physicians practise internal medicine; a blank specialty would be a change too.
        String where = ",\"" + place.hospitalName() + "\",\"" + department + "\",Internal Medicine\n";
        Files.writeString(csv, "name,email,hospital,department,specialty\n"
                + "\"" + keptName + "\"," + kept + where + "Renamed Person," + renamed + where
                + "Added Person," + added + where, StandardCharsets.UTF_8);

        browser.driver().manage().deleteAllCookies();
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.open("/roster");
        browser.find(By.xpath("//main//a[normalize-space()='Import CSV']")).click();
        browser.waitForHeading("Import the physician roster");
        assertThat(browser.find(By.cssSelector("main a[href='/roster/import/template.csv']")).isDisplayed()).isTrue();
        browser.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Check the file']")).click();
        browser.waitForHeading("Check before importing");
        assertThat(browser.find(By.cssSelector("main p.lead")).getText())
                .isEqualTo("3 rows are ready: 1 new physicians, 1 changed, 1 unchanged.");
        String table = browser.find(By.cssSelector("main table")).getText();
        assertThat(table).contains("Name: " + oldName + " → Renamed Person", "Added", "Unchanged", "Not in the file",
                left);
        browser.find(By.cssSelector("label[for='deactivateMissing']")).click();
        browser.find(By.xpath("//main//button[normalize-space()='Import']")).click();
        browser.waitForHeading("Physician roster");
        assertThat(browser.find(By.cssSelector("main .alert-info")).getText())
                .isEqualTo("Imported 1 new physicians, changed 1 and deactivated 1.");
        assertThat(jdbc.queryForObject("select active from physician where email = ?", Boolean.class, left)).isFalse();
        assertThat(jdbc.queryForObject("select name from physician where email = ?", String.class, renamed))
                .isEqualTo("Renamed Person");
        browser.driver().manage().deleteAllCookies();
    }

    private String jdbcDepartment(long departmentId) {
        return jdbc.queryForObject("select name from department where id = ?", String.class, departmentId);
    }

    @Test
    void the_error_summary_names_each_field_and_follows_the_page() {
        CurrentUser admin = fixtures.admin();
        browser.driver().manage().deleteAllCookies();
        browser.signIn(admin.email(), Fixtures.PASSWORD);
        browser.open("/admin/settings");
        browser.waitForHeading("Program settings");
        // Emptied from the bottom of the page up, so the binder meets the errors in another order.
        browser.driver().findElement(By.id("surveyMinFreeTextSize")).clear();
        browser.driver().findElement(By.id("certificationValidMonths")).clear();
        browser.driver().findElement(By.id("programName")).clear();
        browser.find(By.xpath("//main//button[normalize-space()='Save']")).click();
        WebElement summary = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        List<String> entries = summary.findElements(By.cssSelector("li a")).stream().map(WebElement::getText)
                .toList();
        assertThat(entries).containsExactly("Program name: Enter a value.",
                "Certification valid for (months): Choose a value.",
                "Smallest group for free-text answers: Choose a value.");
        // Each entry leads to its field; the summary has the focus.
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        summary.findElements(By.cssSelector("li a")).get(1).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#certificationValidMonths");

        // A group of checkboxes is named by its legend; a rule of the campaign shows with the form's own.
        browser.open("/surveys/new");
        browser.waitForHeading("New survey campaign");
        browser.driver().findElement(By.id("title")).clear();
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Create the campaign']")).click();
        summary = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.findElements(By.cssSelector("li a")).stream().map(WebElement::getText))
                .startsWith("Title: Enter a value.").contains("Departments: Choose at least one.");
        browser.signOut();
    }

    private Path roster(String hospital, String department, List<String> emails) throws IOException {
        Path csv = files.resolve("roster.csv");
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader("name", "email", "phone", "hospital", "department", "specialty", "career_stage", "active")
                .get();
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord("Ada Test", emails.get(0), "555-0101", hospital, department, "Cardiology",
                    "EARLY_CAREER", "true");
            printer.printRecord("Ben Test", emails.get(1), "", hospital, department, "Cardiology", "MID_CAREER",
                    "true");
            printer.printRecord("Chen Test", emails.get(2), "", hospital, department, "Interventional Cardiology",
                    "", "");
        }
        return csv;
    }
}
