package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import callsim.review.web.ControlToken;
import callsim.scenarios.ScenarioLibrary;
import callsim.testkit.asterisk.AgiCommand;
import callsim.testkit.asterisk.FakeAmiServer;
import callsim.testkit.asterisk.FakeFastAgiClient;
import callsim.testkit.asterisk.RecordedAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * callsim behind Asterisk, end to end over real sockets: the FastAGI training extension books a drill
 * and hands the channel to AudioSocket; AMI events about the agent's channel (hold, keys, hang-up)
 * reach that drill; and a drill placed through AMI rings the agent's phone and starts on answer.
 * Asterisk's side is played by the protocol-faithful fakes of the asterisk-testkit module.
 */
@ExtendWith(SharedCallsim.class)
class AsteriskTrainingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @Test
    void theTrainingExtensionNamesTheAgentAndTheHoldButtonIsMeasuredThroughAmi(CallsimServer server, FakeAmiServer ami)
            throws Exception {
        String channel = "PJSIP/201-00000011";
        String uniqueId = "1763800000.11";
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        double heldSeconds;
        try (FakeFastAgiClient agi = FakeFastAgiClient.builder(
                        "agi://127.0.0.1:" + server.agiPort() + "/drill?scenario=double-charge&difficulty=hard")
                .channel(channel).uniqueId(uniqueId).callerId("201", "Alice Smith").holdExec("AudioSocket").connect()) {
            UUID uuid = audioSocketUuid(agi.awaitCommand("EXEC", Duration.ofSeconds(10)), server);
            try (AudioSocketPeer media = AudioSocketPeer.call(server.audioSocketPort(), uuid)) {
                String id = started.get(10, TimeUnit.SECONDS);
                DrillEventLog events = new DrillEventLog(server, id);
                await().atMost(TIMEOUT).until(() -> events.callerDone(0));

                long holdFrom = System.nanoTime();
                ami.hold(channel, uniqueId);
                await().atMost(Duration.ofSeconds(2)).until(() -> events.count("HoldStarted") == 1);
                // The PBX link drops while the agent is on hold: the drill carries on, the client logs in
                // again and the Unhold that follows still ends the hold.
                int loginsBefore = ami.logins();
                ami.dropConnections();
                ami.awaitLogins(loginsBefore + 1, Duration.ofSeconds(10));
                await().pollDelay(Duration.ofMillis(Math.max(0, 3000 - (System.nanoTime() - holdFrom) / 1_000_000)))
                        .atMost(Duration.ofSeconds(4)).until(() -> true);
                ami.unhold(channel, uniqueId);
                heldSeconds = (System.nanoTime() - holdFrom) / 1e9;
                await().atMost(Duration.ofSeconds(2)).until(() -> events.count("HoldEnded") == 1);

                media.hangUp();
                assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);
            }
            agi.releaseExec();
            await().atMost(Duration.ofSeconds(5)).until(() -> agi.commandTexts().stream().anyMatch(c -> c.startsWith("HANGUP")));
            assertThat(agi.commandTexts()).first().isEqualTo("ANSWER");
            assertThat(agi.commandTexts()).anyMatch(c -> c.startsWith("SET VARIABLE CALLSIM_DRILL "));
        }
        JsonNode report = finalReport(server, finished.join());
        assertThat(report.path("agent").asText()).isEqualTo("Alice Smith <201>");
        assertThat(report.path("scenario").asText()).isEqualTo("double-charge");
        assertThat(report.path("difficulty").asText()).isEqualTo("hard");
        assertThat(report.path("line").asText()).isEqualTo("audiosocket");
        assertThat(report.path("metrics").path("holdCount").asInt()).isEqualTo(1);
        assertThat(report.path("metrics").path("holdSeconds").asDouble()).isCloseTo(heldSeconds, within(0.5));
        System.out.printf("[asterisk-it] AMI Hold/Unhold (with an AMI drop between): %.2f s held, %.2f s measured%n",
                heldSeconds, report.path("metrics").path("holdSeconds").asDouble());
    }

    @Test
    void theCallCommandRingsAnAgentAndABusyPhoneIsReportedAsSuch(CallsimServer server, FakeAmiServer ami) throws Exception {
        int originatesBefore = ami.actions("Originate").size();
        int exit = new picocli.CommandLine(new callsim.app.cli.Main()).execute("call", "--agent", "PJSIP/204",
                "--scenario", "parcel-missing", "--server", "http://127.0.0.1:" + server.httpPort(),
                "--data", server.dataDir().toString());
        assertThat(exit).isZero();
        RecordedAction originate = ami.awaitActions("Originate", originatesBefore + 1, Duration.ofSeconds(5)).get(originatesBefore);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/204");
        ami.originateResponse(originate.actionId(), false, "PJSIP/204", "", 5);

        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/calls"))
                .header("Authorization", "Bearer " + ControlToken.read(server.dataDir())).build();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            String body = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
            JsonNode calls = callsim.app.report.ReportJson.MAPPER.readTree(body);
            for (JsonNode call : calls) {
                if (call.path("agent").asText().equals("PJSIP/204")) {
                    return call.path("state").asText().equals("failed") && call.path("detail").asText().equals("busy");
                }
            }
            return false;
        });
    }

    @Test
    void withNoScenarioTheAgentPicksOneFromTheSpokenMenuWithKeysReportedByAmi(CallsimServer server, FakeAmiServer ami)
            throws Exception {
        String channel = "PJSIP/202-00000012";
        String uniqueId = "1763800000.12";
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        try (FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.agiPort() + "/drill")
                .channel(channel).uniqueId(uniqueId).callerId("202", "Bob Jones").holdExec("AudioSocket").connect()) {
            UUID uuid = audioSocketUuid(agi.awaitCommand("EXEC", Duration.ofSeconds(10)), server);
            try (AudioSocketPeer media = AudioSocketPeer.call(server.audioSocketPort(), uuid)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> media.loudFramesHeard() > 50);  // the menu is being read
                assertThat(started).as("no drill before a choice").isNotDone();
                ami.dtmfEnd(channel, uniqueId, '2');
                int heardBeforeLevelPrompt = media.loudFramesHeard();
                await().atMost(Duration.ofSeconds(10)).until(() -> media.loudFramesHeard() > heardBeforeLevelPrompt + 50);
                ami.dtmfEnd(channel, uniqueId, '3');
                String id = started.get(10, TimeUnit.SECONDS);
                DrillEventLog events = new DrillEventLog(server, id);
                await().atMost(TIMEOUT).until(() -> events.callerDone(0));
                ami.hangup(channel, uniqueId, 16);  // the agent hangs up: Asterisk's Hangup event ends the drill
                assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);
            }
            agi.releaseExec();
        }
        JsonNode report = finalReport(server, finished.join());
        assertThat(report.path("scenario").asText()).isEqualTo(ScenarioLibrary.builtIn().all().get(1).id());
        assertThat(report.path("difficulty").asText()).isEqualTo("hard");
        assertThat(report.path("agent").asText()).isEqualTo("Bob Jones <202>");
    }

    @Test
    void callsimRingsTheAgentsPhoneThroughAmiAndMusicOnHoldCountsAsHold(CallsimServer server, FakeAmiServer ami)
            throws Exception {
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        int originatesBefore = ami.actions("Originate").size();

        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/calls"))
                .header("Authorization", "Bearer " + ControlToken.read(server.dataDir()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent\":\"PJSIP/203\",\"scenario\":\"warranty-refused\",\"difficulty\":\"easy\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);

        RecordedAction originate = ami.awaitActions("Originate", originatesBefore + 1, Duration.ofSeconds(5)).get(originatesBefore);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/203");
        assertThat(originate.get("Application")).isEqualTo("AudioSocket");
        assertThat(originate.get("Async")).isEqualToIgnoringCase("true");
        String[] data = originate.get("Data").split(",");
        assertThat(data[1]).isEqualTo("127.0.0.1:" + server.audioSocketPort());
        String channel = "PJSIP/203-00000013";
        String uniqueId = "1763800000.13";
        ami.originateResponse(originate.actionId(), true, channel, uniqueId, 4);  // the agent answered

        try (AudioSocketPeer media = AudioSocketPeer.call(server.audioSocketPort(), UUID.fromString(data[0]))) {
            String id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);
            await().atMost(TIMEOUT).until(() -> events.callerDone(0));
            long holdFrom = System.nanoTime();
            ami.musicOnHoldStart(channel, uniqueId);
            await().atMost(Duration.ofSeconds(2)).until(() -> events.count("HoldStarted") == 1);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            ami.musicOnHoldStop(channel, uniqueId);
            double heldSeconds = (System.nanoTime() - holdFrom) / 1e9;
            await().atMost(Duration.ofSeconds(2)).until(() -> events.count("HoldEnded") == 1);
            media.hangUp();
            assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);

            JsonNode report = finalReport(server, id);
            assertThat(report.path("agent").asText()).isEqualTo("PJSIP/203");
            assertThat(report.path("scenario").asText()).isEqualTo("warranty-refused");
            assertThat(report.path("difficulty").asText()).isEqualTo("easy");
            assertThat(report.path("metrics").path("holdSeconds").asDouble()).isCloseTo(heldSeconds, within(0.5));
            System.out.printf("[asterisk-it] AMI MusicOnHoldStart/Stop: %.2f s held, %.2f s measured%n",
                    heldSeconds, report.path("metrics").path("holdSeconds").asDouble());
        }
    }

    private static UUID audioSocketUuid(AgiCommand exec, CallsimServer server) {
        // EXEC AudioSocket <uuid>,<host>:<port>
        assertThat(exec.arguments().get(0)).isEqualTo("AudioSocket");
        String[] data = exec.arguments().get(1).replace("\"", "").split(",");
        assertThat(data[1]).isEqualTo("127.0.0.1:" + server.audioSocketPort());
        return UUID.fromString(data[0]);
    }

    private static JsonNode finalReport(CallsimServer server, String id) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(id),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
    }
}
