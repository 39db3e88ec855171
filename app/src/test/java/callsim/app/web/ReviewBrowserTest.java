package callsim.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A supervisor's and an agent's review in real headless Chromium: login, filters, the drill page, seeking, export, override. */
class ReviewBrowserTest {
    private static ReviewServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        server = new ReviewServer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** One browser for the class, started here so a missing Chromium reports each test as skipped. */
    @BeforeEach
    void loggedOut() {
        if (browser == null) {
            browser = HeadlessChromium.start();
            wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        }
        browser.get(server.base() + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void filterOpenADrillSeeTheAngerCurveAndJumpThePlayerToEvidence() {
        logIn("sue", "/drills");
        assertThat(rowIds()).containsExactlyInAnyOrder("d-alice-1", "d-alice-2", "d-alice-3", "d-bob-1");

        browser.findElement(By.id("scenario")).sendKeys("double-charge");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.urlContains("scenario=double-charge"));
        assertThat(rowIds()).containsExactlyInAnyOrder("d-alice-1", "d-bob-1");
        assertThat(browser.findElements(By.cssSelector("#drills td.scenario"))).extracting(WebElement::getText).containsOnly("double-charge");

        browser.findElement(By.cssSelector("tr[data-id='d-alice-1'] a")).click();
        wait.until(ExpectedConditions.urlContains("/drills/d-alice-1"));
        List<WebElement> points = browser.findElements(By.cssSelector("#anger-chart .anger-point"));
        assertThat(points).hasSize(4);
        assertThat(points).allSatisfy(p -> assertThat(p.getRect().getWidth()).isPositive());
        assertThat(browser.findElement(By.cssSelector("#transcript .turn.caller .text")).getText())
                .isEqualTo(SampleDrills.SCRIPT_TEXT);

        wait.until(d -> ((Number) js("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(((Number) js("return document.getElementById('player').duration")).doubleValue()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.1));
        browser.findElement(By.cssSelector("button.evidence[data-at-ms='" + SampleDrills.INTERRUPTION_AT_MS + "']")).click();
        double at = SampleDrills.INTERRUPTION_AT_MS / 1000.0;
        // Seeked there (it then plays on, so allow a little past it).
        wait.until(d -> {
            double t = ((Number) js("return document.getElementById('player').currentTime")).doubleValue();
            return t >= at && t < at + 2;
        });
        browser.findElement(By.cssSelector("button.evidence[data-at-ms='6000']")).click();
        wait.until(d -> {
            double t = ((Number) js("return document.getElementById('player').currentTime")).doubleValue();
            return t >= 6 && t < 8;
        });
    }

    @Test
    void exportLinkDownloadsTheFilteredCsvWithTheBrowsersSession() {
        logIn("alice", "/drills?scenario=late-delivery");
        String href = browser.findElement(By.id("export-csv")).getDomProperty("href");
        assertThat(href).endsWith("/drills.csv?scenario=late-delivery");
        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,"
                        + " disposition: r.headers.get('content-disposition'), body: t})));", href);
        assertThat(got.get("status")).isEqualTo(200L);
        assertThat((String) got.get("disposition")).startsWith("attachment; filename=\"callsim-drills-");
        String[] lines = ((String) got.get("body")).split("\r\n");
        assertThat(lines[0]).isEqualTo(Csv.HEADER);
        assertThat(lines).hasSize(3);
        assertThat(List.of(lines[1], lines[2])).allSatisfy(l -> assertThat(l).contains(",late-delivery,").contains("Alice Smith <201>"));
    }

    @Test
    void supervisorOverrideAppearsBesideTheOriginalForTheAgentToo() {
        logIn("sue", "/drills/d-alice-2");
        WebElement form = browser.findElement(By.cssSelector("#t-T5 form.override-form"));
        form.findElement(By.name("score")).sendKeys("70");
        form.findElement(By.name("reason")).sendKeys("Apology was specific but late");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#t-T5 .override-entry.current")));
        assertOverrideBesideOriginal();

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("alice", "/drills/d-alice-2");
        assertOverrideBesideOriginal();
        assertThat(browser.findElements(By.cssSelector("form.override-form"))).isEmpty();
    }

    private static void assertOverrideBesideOriginal() {
        WebElement row = browser.findElement(By.id("t-T5"));
        assertThat(row.findElement(By.cssSelector("td.score")).getText()).isEqualTo("100");
        WebElement override = row.findElement(By.cssSelector("td.override .override-entry.current"));
        assertThat(override.findElement(By.className("override-score")).getText()).isEqualTo("70");
        assertThat(override.findElement(By.className("override-by")).getText()).isEqualTo("sue");
        assertThat(override.findElement(By.className("override-reason")).getText()).contains("Apology was specific but late");
    }

    /** Opens {@code path}, is sent to the login form, logs in and lands back on {@code path}. */
    private static void logIn(String user, String path) {
        browser.get(server.base() + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("pw-" + user);
        browser.findElement(By.id("login")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).isEqualTo(server.base() + path);
    }

    private static List<String> rowIds() {
        return browser.findElements(By.cssSelector("#drills tr.drill")).stream().map(e -> e.getDomAttribute("data-id")).toList();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
