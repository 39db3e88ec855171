package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.softphone.AgentSpeech;
import callsim.app.softphone.LinphoneAgent;
import callsim.app.softphone.Wav;
import callsim.speech.VoiceStyle;
import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.auth.Role;
import callsim.review.store.DrillStatus;
import callsim.review.web.HeadlessChromium;
import callsim.testkit.asterisk.FakeAmiServer;
import callsim.testkit.asterisk.RecordedAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16 end to end: an admin assigns double-charge (normal, pass once) to agent 201 in the browser;
 * {@code call --assignment} rings 201 through AMI while work is left; a real softphone calling as 201 dials
 * 7000 and gets double-charge; a good agent (the demo's scripted agent's voice playing a good script through
 * the softphone) passes it; the assignment then shows complete on the agent's and the supervisor's pages in Chromium,
 * nobody is rung any more, and the xAPI export holds the drill as "passed".
 */
@ExtendWith(SharedCallsim.class)
class AssignmentDrillIT {
    private static final String PASSWORD = "a long enough test password";
    private static final Duration CALLER_TURN = Duration.ofSeconds(40);
    /** The remedy, with options; said once more if the caller has not ended the drill after the script. */
    private static final String REMEDY = "Thank you for holding. I can refund the duplicate charge today, and I can also cover"
            + " the overdraft fee. Which would you prefer?";
    /**
     * A good agent for double-charge, after the model script (test resource model/double-charge.txt): restate,
     * apologise for the double charge, ask a fact, announce the hold, remedy with options, close.
     */
    private static final List<String> GOOD_AGENT = List.of(
            "So you were charged twice for your plan this month, and the bank charged you an overdraft fee.",
            "I am so sorry you were charged twice this month. I understand how frustrating that is.",
            "Could you tell me the date of the second charge so I can find it?",
            "Thank you. May I place you on hold for one moment while I check your account?",
            "HOLD",
            REMEDY,
            "Done. The refund will reach your account in three to five days. You will receive confirmation by email."
                    + " Is there anything else I can help you with?",
            "Thank you for your patience, and have a good day.");
    /** The demo's scripted agent's voice (ScriptedAgent): the recognisers hear it reliably, so the drill's result is the script's. */
    private static final VoiceStyle AGENT_VOICE = new VoiceStyle(155, 125, 12, 1.0f);

    @Test
    void anAssignedDrillFindsItsAgentOnTheLineAndShowsCompleteEverywhere(CallsimServer server, FakeAmiServer ami, @TempDir Path dir)
            throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String team = "assign-" + run;
        JdbcAccounts accounts = new JdbcAccounts(server.database().dataSource(), Clock.systemUTC());
        String admin = "admin-" + run;
        String supervisor = "lead-" + run;
        String agent = "agent-" + run;
        accounts.create(admin, "Admin", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD.toCharArray());
        accounts.create(supervisor, "Team Lead", Role.SUPERVISOR, Optional.of(team), Optional.empty(), PASSWORD.toCharArray());
        accounts.create(agent, "Ali Khan", Role.AGENT, Optional.of(team), Optional.of("201"), PASSWORD.toCharArray());
        String base = "http://127.0.0.1:" + server.httpPort();

        // 1. The admin assigns double-charge, normal, pass once, to 201 in the browser.
        String assignment;
        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            logIn(browser, wait, base, admin);
            browser.get(base + "/assignments");
            browser.findElement(By.id("agent")).sendKeys("201");
            new Select(browser.findElements(By.cssSelector("#assign-items select[name=scenario]")).get(0)).selectByValue("double-charge");
            new Select(browser.findElements(By.cssSelector("#assign-items select[name=difficulty]")).get(0)).selectByValue("normal");
            new Select(browser.findElements(By.cssSelector("#assign-items select[name=goal]")).get(0)).selectByValue("passes");
            browser.findElement(By.id("assign-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
            assertThat(browser.findElement(By.id("message")).getText()).contains("agent 201");
            assignment = browser.findElements(By.cssSelector("#assignments tbody tr")).stream()
                    .filter(row -> row.getText().contains("agent 201") && row.getText().contains("0 of 1"))
                    .map(row -> row.getAttribute("data-id")).findFirst().orElseThrow();
        } finally {
            browser.quit();
        }

        // 2. While work is left, call --assignment rings 201 through AMI (the phone does not answer here).
        int originatesBefore = ami.actions("Originate").size();
        assertThat(callAssignment(server, assignment)).contains("ringing PJSIP/201: double-charge-normal");
        RecordedAction originate = ami.awaitActions("Originate", originatesBefore + 1, Duration.ofSeconds(5)).get(originatesBefore);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/201");
        ami.originateResponse(originate.actionId(), false, "PJSIP/201", "", 3);

        // 3. A softphone calling as 201 dials 7000: the assigned drill plays, and a good agent passes it.
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        List<Path> lines = new ArrayList<>();
        for (String line : GOOD_AGENT) {
            if (line.equals("HOLD")) {
                lines.add(null);
                continue;
            }
            lines.add(agentLine(server, dir, line, "agent-line-" + lines.size()));
        }
        Path remedyAgain = agentLine(server, dir, REMEDY, "agent-remedy-again");
        String id;
        try (LinphoneAgent phone = LinphoneAgent.start(dir.resolve("linphone"), "201")) {
            phone.call("sip:7000@127.0.0.1:" + server.sipPort());
            phone.awaitInCall(Duration.ofSeconds(10));
            id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);
            awaitCallerReply(events, 0, finished);
            for (Path line : lines) {
                if (finished.isDone()) break;
                int before = events.count("CallerSpeechStarted");
                if (line == null) {
                    phone.pause();
                    await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
                    phone.resume();
                } else {
                    phone.play(line);
                    phone.awaitPlaybackDone(Duration.ofSeconds(30));
                }
                awaitCallerReply(events, before, finished);
            }
            // A good agent whose offer was not heard offers it again: on a busy machine the live search narrows
            // and can lose "refund" (BENCHMARKS.md (a)). Said alone, this voice's "I can refund" is heard as "I can
            // rough on", so it is the remedy line once more.
            if (events.count("CallerHangUp") == 0 && !finished.isDone()) {
                int before = events.count("CallerSpeechStarted");
                phone.play(remedyAgain);
                phone.awaitPlaybackDone(Duration.ofSeconds(30));
                awaitCallerReply(events, before, finished);
            }
            // The caller ends a resolved drill and the debrief (with what is left) is read; a key skips it.
            await().atMost(CALLER_TURN).until(() -> events.count("CallerHangUp") == 1 || finished.isDone());
            if (!finished.isDone()) {
                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
                phone.sendDtmf('1');
            }
            finished.get(30, TimeUnit.SECONDS);
        }
        // the score that counts is the one from the post-call transcript (what the agent said)
        JsonNode report = await().atMost(Duration.ofSeconds(180)).until(() -> server.store().reportJson(id),
                r -> r.isPresent() && r.get().path("complete").asBoolean()
                        && !r.get().path("postCall").path("status").asText("pending").equals("pending")).orElseThrow();
        assertThat(report.path("scenario").asText()).isEqualTo("double-charge");
        assertThat(report.path("difficulty").asText()).isEqualTo("normal");
        assertThat(report.path("score").path("passed").asBoolean()).as("score %s, advice %s, transcript %s",
                report.path("score").path("total"), report.path("score").path("advice"), report.path("transcript")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> server.drillStore().row(id),
                r -> r.isPresent() && r.get().status() == DrillStatus.COMPLETE);

        // 4. Complete on the agent's page and the supervisor's, in Chromium.
        browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            logIn(browser, wait, base, agent);
            browser.get(base + "/agents/201");
            var mine = browser.findElement(By.cssSelector("#assignments .assignment"));
            assertThat(mine.getAttribute("data-status")).isEqualTo("complete");
            assertThat(mine.findElement(By.cssSelector(".left")).getText()).isEqualTo("done");
            assertThat(mine.findElement(By.cssSelector("a.attempt")).getAttribute("href")).endsWith("/drills/" + id);
            browser.manage().deleteAllCookies();

            logIn(browser, wait, base, supervisor);
            browser.get(base + "/assignments");
            var row = browser.findElement(By.cssSelector("#assignments tr[data-id='" + assignment + "']"));
            assertThat(row.findElement(By.cssSelector(".completion")).getText()).isEqualTo("1 of 1");
            assertThat(row.findElement(By.cssSelector(".pass-rate")).getText()).isEqualTo("100 %");
            row.findElement(By.cssSelector("a")).click();
            wait.until(ExpectedConditions.urlContains("/assignments/" + assignment));
            assertThat(browser.findElement(By.cssSelector("#assignment-agents tr[data-agent='201'] .status")).getText()).isEqualTo("complete");
        } finally {
            browser.quit();
        }

        // 5. Nobody is rung for a finished assignment, and the learning record holds the pass.
        assertThat(callAssignment(server, assignment)).contains("nobody rung");
        assertThat(ami.actions("Originate")).hasSize(originatesBefore + 1);
        String token = new JdbcAuthenticator(server.database().dataSource(), Clock.systemUTC())
                .createApiToken(accounts.find(admin).orElseThrow(), "lms");
        HttpResponse<String> xapi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/xapi/statements?agent=201"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode statement = null;
        for (JsonNode s : callsim.app.report.ReportJson.MAPPER.readTree(xapi.body()).path("statements")) {
            if (s.path("context").toString().contains("/drills/" + id)) statement = s;
        }
        assertThat(statement).as("the drill's statement in %s", xapi.body()).isNotNull();
        assertThat(statement.path("actor").path("account").path("name").asText()).isEqualTo("201");
        assertThat(statement.path("verb").path("id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(statement.path("object").path("id").asText()).endsWith("/scenarios/double-charge/normal");
        assertThat(statement.path("result").path("score").path("raw").asInt()).isEqualTo(report.path("score").path("total").asInt());
        assertThat(statement.path("result").path("duration").asText()).startsWith("PT");
    }

    /** {@code line} in the agent's voice, as the phone plays it. */
    private static Path agentLine(CallsimServer server, Path dir, String line, String name) throws java.io.IOException {
        Path wav = dir.resolve(name + ".wav");
        new Wav(AgentSpeech.SAMPLE_RATE, server.speech().voice().speak8k(line, AGENT_VOICE)).write(wav);
        return wav;
    }

    /** Until the caller has answered (spoken since {@code startedBefore} utterances) and fallen silent for a moment. */
    private static void awaitCallerReply(DrillEventLog events, int startedBefore, CompletableFuture<String> finished) {
        await().atMost(CALLER_TURN).pollInterval(Duration.ofMillis(300)).until(() -> finished.isDone() || quiet(events, startedBefore));
        await().pollDelay(Duration.ofMillis(1500)).atMost(CALLER_TURN).until(() -> finished.isDone() || quiet(events, startedBefore));
    }

    private static boolean quiet(DrillEventLog events, int startedBefore) throws java.io.IOException {
        int started = events.count("CallerSpeechStarted");
        return started > startedBefore && started == events.count("CallerSpeechEnded");
    }

    private static void logIn(ChromeDriver browser, WebDriverWait wait, String base, String username) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** {@code ./callsim call --assignment ID} against the running server; its standard output. */
    private static String callAssignment(CallsimServer server, String assignment) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            int exit = new picocli.CommandLine(new callsim.app.cli.Main()).execute("call", "--assignment", assignment,
                    "--server", "http://127.0.0.1:" + server.httpPort(), "--data", server.dataDir().toString());
            assertThat(exit).as(out.toString()).isZero();
        } finally {
            System.setOut(stdout);
        }
        return out.toString();
    }
}
