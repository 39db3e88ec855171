package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.store.DrillStatus;
import callsim.review.web.HeadlessChromium;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole stack in a real browser: a drill placed over the training extension with real speech,
 * copied into the server's embedded database, reviewed by its agent's supervisor in headless Chromium.
 */
@ExtendWith(SharedCallsim.class)
class ReviewBrowserIT {
    private static final String PASSWORD = "a long enough test password";

    @Test
    void aSupervisorReviewsARealDrillInTheBrowser(CallsimServer server) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String agentKey = "41" + (System.nanoTime() % 1000);
        String id = TrainingCallDriver.shortDrill(server, agentKey);
        JdbcAccounts accounts = new JdbcAccounts(server.database().dataSource(), Clock.systemUTC());
        String team = "browser-" + run;
        accounts.create("agent-" + run, "Agent", Role.AGENT, Optional.of(team), Optional.of(agentKey), PASSWORD.toCharArray());
        String supervisor = "super-" + run;
        accounts.create(supervisor, "Supervisor", Role.SUPERVISOR, Optional.of(team), Optional.empty(), PASSWORD.toCharArray());
        await().atMost(Duration.ofSeconds(20)).until(() -> server.drillStore().row(id),
                r -> r.isPresent() && r.get().status() == DrillStatus.COMPLETE);

        String base = "http://127.0.0.1:" + server.httpPort();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(base + "/drills");
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys(supervisor);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

            List<String> listed = browser.findElements(By.cssSelector("#drills tr[data-id]")).stream()
                    .map(row -> row.getAttribute("data-id")).toList();
            assertThat(listed).as("the supervisor's team's drills").containsExactly(id);

            browser.findElement(By.cssSelector("tr[data-id='" + id + "'] a")).click();
            wait.until(ExpectedConditions.urlContains("/drills/" + id));
            assertThat(browser.findElements(By.cssSelector("#anger-chart .anger-point"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#transcript .turn.caller .text")).getText()).isNotBlank();

            JavascriptExecutor js = browser;
            wait.until(d -> ((Number) js.executeScript("return document.getElementById('player').readyState")).intValue() >= 1);
            double seconds = ((Number) js.executeScript("return document.getElementById('player').duration")).doubleValue();
            // The latest moment the recording holds, so the seek is a real jump and not a no-op at 0.
            // Evidence kinds open on a click; transcript times are always shown.
            browser.findElements(By.cssSelector("details.evidence-group > summary")).forEach(WebElement::click);
            WebElement evidence = browser.findElements(By.cssSelector("button[data-at-ms], a[data-at-ms]")).stream()
                    .filter(WebElement::isDisplayed)
                    .filter(e -> Long.parseLong(e.getAttribute("data-at-ms")) < (seconds - 1) * 1000)
                    .max(java.util.Comparator.comparingLong(e -> Long.parseLong(e.getAttribute("data-at-ms")))).orElseThrow();
            assertThat(Long.parseLong(evidence.getAttribute("data-at-ms"))).as("an evidence moment inside the call").isPositive();
            double at = Long.parseLong(evidence.getAttribute("data-at-ms")) / 1000.0;
            evidence.click();
            wait.until(d -> {
                double t = ((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue();
                return t >= at - 0.05 && t < at + 2;
            });
        } finally {
            browser.quit();
        }
    }
}
