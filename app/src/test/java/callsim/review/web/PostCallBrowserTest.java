package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.report.DrillReport;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A supervisor in real headless Chromium reads what the agent said beside what the caller heard, differences marked. */
class PostCallBrowserTest {
    private static ReviewServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new ReviewServer();
        DrillRow row = SampleDrills.row("d-post-call", "Alice Smith <201>", "201", "double-charge", "normal",
                Instant.parse("2026-11-23T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 75);
        server.store.put(row, SampleDrills.afterPostCall(row, DrillReport.PostCall.Status.DONE, 64), SampleDrills.silentWav(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void saidAndHeardSideBySideWithTheDifferencesMarked() throws Exception {
        browser = HeadlessChromium.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(server.base() + "/drills/d-post-call");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("sue");
        browser.findElement(By.id("password")).sendKeys("pw-sue");
        browser.findElement(By.id("login")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/drills/d-post-call"));

        WebElement firstTurn = browser.findElement(By.cssSelector("#said-and-heard tr.agent-turn"));
        WebElement said = firstTurn.findElement(By.cssSelector("td.said"));
        WebElement heard = firstTurn.findElement(By.cssSelector("td.heard"));
        assertThat(said.isDisplayed() && heard.isDisplayed()).isTrue();
        assertThat(said.getRect().getX()).as("side by side: said left of heard").isLessThan(heard.getRect().getX());
        assertThat(said.getRect().getY()).as("on one row").isEqualTo(heard.getRect().getY());
        assertThat(said.getText()).isEqualTo(SampleDrills.SAID);
        assertThat(heard.getText()).isEqualTo(SampleDrills.HEARD);
        assertThat(said.findElements(By.tagName("ins"))).extracting(WebElement::getText).containsExactly("so", "sorry", "twice");
        assertThat(heard.findElements(By.tagName("del"))).extracting(WebElement::getText).containsExactly("with", "our", "line");
        WebElement struck = heard.findElement(By.tagName("del"));
        assertThat(struck.getCssValue("text-decoration-line")).as("struck through, as a reader sees it").contains("line-through");
        assertThat(struck.getCssValue("background-color")).isNotEqualTo(said.findElement(By.tagName("span")).getCssValue("background-color"));
        assertThat(browser.findElement(By.id("scored-from")).getText()).contains("post-call transcript").contains("64");

        Files.createDirectories(ReviewBrowserTest.SCREENS);
        Files.write(ReviewBrowserTest.SCREENS.resolve("drill-page-said-and-heard.png"),
                browser.findElement(By.id("said-and-heard-section")).getScreenshotAs(OutputType.BYTES));
    }
}
