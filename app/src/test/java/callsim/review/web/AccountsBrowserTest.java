package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.auth.AccessPolicy;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.auth.Role;
import callsim.review.store.Database;
import callsim.review.store.JdbcDrillStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accounts in the browser while serving, on the embedded database: the one-time first-run link makes the
 * first admin, who then creates and disables accounts without stopping anything.
 */
class AccountsBrowserTest {
    private static final String ADMIN_PASSWORD = "plenty of words here";

    @TempDir
    Path data;
    private Database db;
    private JdbcAuthenticator auth;
    private FirstRun firstRun;
    private ReviewApp app;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        db = Database.open(data, null, Map.of());
        Clock clock = Clock.systemUTC();
        auth = new JdbcAuthenticator(db.dataSource(), clock);
        firstRun = FirstRun.ifNoAccounts(auth.accounts()).orElseThrow();
        app = ReviewApp.start(ReviewApp.Settings.on(new InetSocketAddress("127.0.0.1", 0)),
                new ReviewApp.Parts(new JdbcDrillStore(db, clock), auth, new PolicyAccess(new AccessPolicy(auth)), clock, Map.of(),
                        Optional.of(auth.accounts()), Optional.of(firstRun)), Optional.empty(), Optional.empty());
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
        if (db != null) db.close();
    }

    @Test
    void theFirstRunLinkMakesTheFirstAdminOnceAndTheAdminAddsAndDisablesUsersWhileServing() throws Exception {
        String base = "http://127.0.0.1:" + app.port();
        String link = firstRun.path();  // as serve printed it
        browser.get(base + "/drills");
        assertThat(browser.getCurrentUrl()).as("nobody can log in yet").contains("/login");

        browser.get(base + link);
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("displayName")).sendKeys("Ada Admin");
        browser.findElement(By.id("password")).sendKeys("short");
        js("document.getElementById('password').removeAttribute('minlength')");
        browser.findElement(By.id("create-admin")).click();
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("too short");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("create-admin")).click();
        wait.until(ExpectedConditions.urlContains("/admin/users"));
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("Ada Admin (admin)");
        assertThat(auth.accounts().find("ada").orElseThrow().role()).isEqualTo(Role.ADMIN);

        browser.findElement(By.id("new-username")).sendKeys("ali");
        browser.findElement(By.id("new-name")).sendKeys("Ali Khan");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("agent");
        browser.findElement(By.id("new-team")).sendKeys("north");
        browser.findElement(By.id("new-key")).sendKeys("201");
        browser.findElement(By.id("new-password")).sendKeys("ali's own passphrase");
        browser.findElement(By.id("create-user")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "Created ali."));
        WebElement row = browser.findElement(By.cssSelector("tr[data-username='ali']"));
        assertThat(row.getText()).contains("Ali Khan", "agent", "north", "201", "active");
        assertThat(auth.login("ali", "ali's own passphrase".toCharArray())).as("can log in at once").isPresent();

        row.findElement(By.tagName("summary")).click();
        row.findElement(By.cssSelector("form[action$='/disable'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-username='ali'] .state"), "disabled"));
        assertThat(auth.login("ali", "ali's own passphrase".toCharArray())).as("disabled while serving").isEmpty();

        browser.manage().deleteAllCookies();
        browser.get(base + link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the link worked once").isEqualTo("404 Not found");
    }

    private Object js(String script) {
        return browser.executeScript(script);
    }
}
