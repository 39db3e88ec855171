package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor's and an agent's review in real headless Chromium: login, filters by name and title, the
 * drill page's summary, seeking from evidence, export, an override that moves the totals, and a phone-width page.
 */
class ReviewBrowserTest {
    /** Where the screenshots go (the closing note of the review issue shows them). */
    static final Path SCREENS = Path.of("target", "screens");
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
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(server.base() + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void filtersFindAgentsByAccountNameAndScenariosByPartOfTheirTitle() {
        logIn("sue", "/drills");
        assertThat(rowIds()).containsExactlyInAnyOrder("d-alice-1", "d-alice-2", "d-alice-3", "d-bob-1");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='d-bob-1'] td.agent")).getText())
                .as("the account's name, not the line's sip:202@127.0.0.1").isEqualTo("Bob (202)");

        browser.findElement(By.id("agent")).sendKeys("bob");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.urlContains("agent=bob"));
        assertThat(rowIds()).containsExactly("d-bob-1");

        browser.get(server.base() + "/drills");
        browser.findElement(By.id("scenario")).sendKeys("PARCEL");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.urlContains("scenario=PARCEL"));
        assertThat(rowIds()).containsExactlyInAnyOrder("d-alice-2", "d-alice-3");
        assertThat(browser.findElements(By.cssSelector("#drills td.scenario"))).extracting(WebElement::getText)
                .containsOnly("The parcel never came");
    }

    @Test
    void theDrillPageOpensOnTheScoreAndAdviceAndEvidenceJumpsThePlayer() throws Exception {
        logIn("sue", "/drills/d-alice-1");
        int viewport = ((Number) js("return window.innerHeight")).intValue();
        WebElement total = browser.findElement(By.id("score-total"));
        assertThat(total.getText()).isEqualTo("64");
        assertThat(total.getRect().getY()).as("the score is in the first screen").isLessThan(viewport);
        assertThat(browser.findElement(By.cssSelector("#advice li")).getRect().getY()).as("and so is the advice").isLessThan(viewport);
        assertThat(browser.findElement(By.id("player")).getRect().getY()).isLessThan(browser.findElement(By.id("timeline")).getRect().getY());
        Files.createDirectories(SCREENS);
        Files.write(SCREENS.resolve("drill-page-1280.png"), browser.getScreenshotAs(OutputType.BYTES));

        List<WebElement> points = browser.findElements(By.cssSelector("#anger-chart .anger-point"));
        assertThat(points).hasSize(4).allSatisfy(p -> assertThat(p.getRect().getWidth()).isPositive());
        assertThat(browser.findElement(By.cssSelector("#transcript .turn.caller .text")).getText()).isEqualTo(SampleDrills.SCRIPT_TEXT);

        wait.until(d -> ((Number) js("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(((Number) js("return document.getElementById('player').duration")).doubleValue())
                .isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.1));
        browser.findElement(By.cssSelector("#t-T2 details.evidence-group summary")).click();
        browser.findElement(By.cssSelector("button.evidence[data-at-ms='" + SampleDrills.INTERRUPTION_AT_MS + "']")).click();
        double at = SampleDrills.INTERRUPTION_AT_MS / 1000.0;
        // Seeked there (it then plays on, so allow a little past it).
        wait.until(d -> {
            double t = ((Number) js("return document.getElementById('player').currentTime")).doubleValue();
            return t >= at && t < at + 2;
        });
        js("window.scrollTo(0, document.body.scrollHeight)");
        assertThat(((Number) js("return document.getElementById('player').getBoundingClientRect().top")).doubleValue())
                .as("the player stays in view while the page scrolls").isBetween(0.0, (double) viewport);
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
        assertThat(lines[0]).startsWith(Csv.HEADER).endsWith(",T14");
        assertThat(lines).hasSize(3);
        assertThat(List.of(lines[1], lines[2])).allSatisfy(l -> assertThat(l).contains(",late-delivery,The parcel never came,")
                .contains("Alice Smith <201>,Alice (201),201"));
    }

    @Test
    void anOverrideChangesTheTotalInTheListAndOnTheAgentPage() {
        logIn("sue", "/drills/d-alice-2");
        browser.findElement(By.cssSelector("#t-T2 details.override summary")).click();
        WebElement form = browser.findElement(By.cssSelector("#t-T2 form.override-form"));
        form.findElement(By.name("score")).sendKeys("100");
        form.findElement(By.name("reason")).sendKeys("The overlap was a backchannel");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#t-T2 .override-entry.current")));
        assertThat(browser.findElement(By.cssSelector("#t-T2 .score.effective")).getText()).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("#t-T2 .score.original")).getText()).isEqualTo("40");
        assertThat(browser.findElement(By.id("score-total")).getText()).isEqualTo("51");
        assertThat(browser.findElement(By.id("automatic-score")).getText()).contains("35");

        browser.get(server.base() + "/drills");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='d-alice-2'] td.score")).getText()).startsWith("51 ✗");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("alice", "/agents/201");
        assertThat(browser.findElement(By.cssSelector("#agent-drills tr[data-id='d-alice-2'] td.score")).getText()).isEqualTo("51 ✗");
        assertThat(browser.findElements(By.cssSelector("#score-chart circle.score-point title")))
                .extracting(e -> e.getDomProperty("textContent")).anyMatch(t -> t.endsWith("The parcel never came: 51"));
        browser.get(server.base() + "/drills/d-alice-2");
        assertThat(browser.findElement(By.cssSelector("#t-T2 .override-by")).getText()).isEqualTo("sue");
        assertThat(browser.findElements(By.cssSelector("form.override-form"))).as("agents do not override").isEmpty();
    }

    @Test
    void atFourHundredPixelsTheDrillPageIsNoWiderThanTheWindow() throws Exception {
        logIn("sue", "/drills/d-alice-1");
        browser.manage().window().setSize(new Dimension(400, 900));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-total")));
        int window = ((Number) js("return window.innerWidth")).intValue();
        assertThat(window).isLessThanOrEqualTo(400);
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).as("page width").isLessThanOrEqualTo(window);
        Files.createDirectories(SCREENS);
        Files.write(SCREENS.resolve("drill-page-400.png"), browser.getScreenshotAs(OutputType.BYTES));
        WebElement override = browser.findElement(By.cssSelector("#t-T2 details.override summary"));
        js("arguments[0].scrollIntoView()", override);
        assertThat(override.getRect().getX() + override.getRect().getWidth()).as("the Override button is not cut off").isLessThanOrEqualTo(window);
        Files.write(SCREENS.resolve("drill-page-400-scorecard.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.get(server.base() + "/drills");
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).as("list width").isLessThanOrEqualTo(window);
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

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
