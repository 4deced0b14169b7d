package org.peersupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, one per test class:
 * {@code @RegisterExtension static final Browser browser = new Browser();}
 *
 * <p>The browser and its driver are given by path (CHROME_BINARY and CHROMEDRIVER override the
 * Debian defaults), so Selenium Manager never looks for them on the network. When they are
 * missing, the tests fail under CI=true and are skipped, with the reason, everywhere else.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final String DEFAULT_BINARY = "/usr/bin/chromium";

    static final String DEFAULT_DRIVER = "/usr/bin/chromedriver";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final Path binary = Path.of(setting("CHROME_BINARY", DEFAULT_BINARY));

    private final Path driverExecutable = Path.of(setting("CHROMEDRIVER", DEFAULT_DRIVER));

    private ChromeDriverService service;

    private ChromeDriver driver;

    private Path profile;

    private String baseUrl;

    private java.util.function.UnaryOperator<String> codes;

    /**
     * Outside CI, each test is skipped when the browser is missing, so the run reports it as
     * skipped with the reason. The class itself stays enabled, so that in CI it fails instead.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null || inCi() || context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are present, or CI requires them");
        }
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + missing);
        return ConditionEvaluationResult.disabled(missing);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String missing = missing();
        if (missing != null) {
            if (inCi()) {
                Assertions.fail(missing + " CI=true, so this is a failure, not a skip.");
            }
            return;
        }
        profile = Files.createTempDirectory("browser-test-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                // Wide enough that the header's navigation is not folded into the menu button.
                "--window-size=1280,1024",
                // Bootstrap scrolls smoothly unless motion is reduced; ChromeDriver then clicks where a
                // button below the fold is going to be, before it gets there.
                "--force-prefers-reduced-motion");
        service = new ChromeDriverService.Builder().usingDriverExecutable(driverExecutable.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            try {
                Path file = screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-failure");
                System.err.println("Browser state at the failure: " + file.toAbsolutePath() + " at "
                        + driver.getCurrentUrl());
            }
            catch (RuntimeException ex) {
                // The browser may be what failed; the test's own failure is the one to report.
                System.err.println("No screenshot of the failure: " + ex.getMessage());
            }
        }
        if (driver != null) {
            // Every test starts signed out, whichever ran before it and however it ended.
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        }
        finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteProfile();
        }
    }

    /** Where the app runs, for example {@code http://localhost:54321}. */
    public Browser at(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return this;
    }

    /** Where administrators' and coordinators' second step gets its codes: {@code fixtures::secondFactorCode}. */
    public Browser codes(java.util.function.UnaryOperator<String> codes) {
        this.codes = codes;
        return this;
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser is not running: register Browser with @RegisterExtension "
                    + "on a static field.");
        }
        return driver;
    }

    public void open(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("Call at(baseUrl) first.");
        }
        driver().get(baseUrl + path);
    }

    /** The path of the current page, without scheme, host and port. */
    public String path() {
        String url = driver().getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /**
     * Waits for the condition. While a new page loads, Chromium may answer about a node of the old
     * one ("does not belong to the document", a stale element); such answers mean "not yet".
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), TIMEOUT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(condition);
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for the page whose main heading contains the text, and returns that heading. */
    public WebElement waitForHeading(String text) {
        By heading = By.cssSelector("main h1");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(heading, text));
        return driver().findElement(heading);
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Signs in through the sign-in page, and waits for the home page. */
    public void signIn(String email, String password) {
        open("/login");
        waitForHeading("Sign in");
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        By heading = By.cssSelector("main h1");
        waitUntil(ExpectedConditions.or(ExpectedConditions.textToBePresentInElementLocated(heading, "Hello"),
                ExpectedConditions.textToBePresentInElementLocated(heading, "One more step")));
        if (driver().findElement(heading).getText().contains("One more step")) {
            if (codes == null) {
                throw new IllegalStateException("A second step: call codes(fixtures::secondFactorCode) first.");
            }
            type(By.id("code"), codes.apply(email));
            driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        }
        waitForHeading("Hello");
    }

    /** Signs out with the header's button, and waits for the sign-in page. */
    public void signOut() {
        find(By.xpath("//header//form//button[normalize-space()='Sign out']")).click();
        waitForHeading("Sign in");
    }

    /** Saves what the browser shows to target/browser-screenshots/{name}.png, for people to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && ci.strip().toLowerCase(Locale.ROOT).equals("true");
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** Why the browser cannot start, or null when it can. */
    private String missing() {
        String what;
        if (!Files.isExecutable(binary)) {
            what = "no browser at " + binary;
        }
        else if (!Files.isExecutable(driverExecutable)) {
            what = "no driver at " + driverExecutable;
        }
        else {
            return null;
        }
        return "Browser tests need Chromium and ChromeDriver, but there is " + what
                + ". Install them (apt-get install chromium chromium-driver) or point CHROME_BINARY and"
                + " CHROMEDRIVER at them.";
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        profile = null;
    }
}
