package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.softphone.AgentSpeech;
import callsim.app.softphone.LinphoneAgent;
import callsim.app.softphone.VoiceActivity;
import callsim.app.softphone.Wav;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: a real softphone (Debian's linphonec) dials callsim over real
 * SIP/RTP on loopback and plays an agent's lines made with espeak-ng: it talks over the caller's
 * opening once, then empathises, then holds for about 5 s, then offers a solution, and hangs up.
 */
@ExtendWith(SharedCallsim.class)
class SoftphoneDrillIT {
    static final String INTERRUPTION = "Hold on, I need your account number before we go any further.";
    static final String EMPATHY = "I am sorry you were charged twice. I understand how you feel.";
    static final String SOLUTION = "I can refund the duplicate charge today, or credit it to your next bill.";
    private static final Duration CALLER_TURN = Duration.ofSeconds(40);

    @Test
    void aRealSoftphoneDrillIsHeardRecognisedAndMeasured(CallsimServer server, @TempDir Path dir) throws Exception {
        Path interruption = AgentSpeech.speak(INTERRUPTION, dir);
        Path empathy = AgentSpeech.speak(EMPATHY, dir);
        Path solution = AgentSpeech.speak(SOLUTION, dir);
        Path heard = dir.resolve("heard.wav");
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);

        double pausedSeconds;
        String id;
        try (LinphoneAgent phone = LinphoneAgent.start(dir.resolve("linphone"))) {
            phone.recordTo(heard);
            phone.call("sip:7000@127.0.0.1:" + server.sipPort());
            phone.awaitInCall(Duration.ofSeconds(10));
            id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);

            // 1. Talk over the caller's opening a second into it.
            await().atMost(Duration.ofSeconds(10)).until(() -> events.count("CallerSpeechStarted") >= 1);
            await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
            phone.play(interruption);
            phone.awaitPlaybackDone(Duration.ofSeconds(15));
            await().atMost(CALLER_TURN).until(() -> events.callerDone(1));

            // 2. Empathy.
            phone.play(empathy);
            phone.awaitPlaybackDone(Duration.ofSeconds(15));
            await().atMost(CALLER_TURN).until(() -> events.callerDone(2));

            // 3. About five seconds on hold.
            long pausedAt = System.nanoTime();
            phone.pause();
            await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
            phone.resume();
            pausedSeconds = (System.nanoTime() - pausedAt) / 1e9;
            await().atMost(CALLER_TURN).until(() -> events.callerSpokeSince("HoldEnded"));

            // 4. A solution, then hang up once the caller has answered it.
            phone.play(solution);
            phone.awaitPlaybackDone(Duration.ofSeconds(15));
            await().atMost(CALLER_TURN).until(() -> events.callerDone(3) || finished.isDone());
            if (!finished.isDone()) {
                phone.hangUp();
                phone.awaitCallEnded(Duration.ofSeconds(10));
            }
        }
        assertThat(finished.get(15, TimeUnit.SECONDS)).isEqualTo(id);
        JsonNode report = await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(id),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();

        // The phone heard the caller speak.
        VoiceActivity heardSpeech = new VoiceActivity(Wav.read(heard));
        assertThat(heardSpeech.voiced()).as("speech the softphone heard").isGreaterThan(Duration.ofSeconds(5));

        // The transcript holds the caller's lines and recognisable agent words.
        List<String> callerLines = new ArrayList<>();
        StringBuilder agentWords = new StringBuilder();
        for (JsonNode line : report.path("transcript")) {
            if (line.path("speaker").asText().equals("caller")) callerLines.add(line.path("text").asText());
            else agentWords.append(' ').append(line.path("text").asText());
        }
        assertThat(callerLines).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l).isNotBlank());
        double wordRate = recognisedWordRate(List.of(INTERRUPTION, EMPATHY, SOLUTION), agentWords.toString());
        System.out.printf(Locale.ROOT, "agent words recognised: %.0f%% (%s)%n", wordRate * 100, agentWords.toString().trim());
        assertThat(wordRate).as("share of the agent's words recognised in \"%s\"", agentWords).isGreaterThanOrEqualTo(0.4);

        // The line measured one hold of the real length, and the interruption.
        JsonNode m = report.path("metrics");
        assertThat(m.path("holdCount").asInt()).isEqualTo(1);
        assertThat(m.path("holdSeconds").asDouble()).isCloseTo(pausedSeconds, Offset.offset(0.5));
        assertThat(m.path("agentInterruptions").asInt()).isGreaterThanOrEqualTo(1);
        System.out.printf(Locale.ROOT, "caller response latency: p50 %s ms, p95 %s ms over %s replies%n",
                m.path("callerResponseLatencyMs").path("p50"), m.path("callerResponseLatencyMs").path("p95"),
                m.path("callerResponseLatencyMs").path("count"));

        // Anger went down after the empathy line (the agent's second turn).
        List<JsonNode> turns = new DrillEventLog(server, id).ofType("AgentTurn");
        assertThat(turns).hasSizeGreaterThanOrEqualTo(3);
        long empathyAt = turns.get(1).path("atMs").asLong();
        assertThat(angerAt(report, empathyAt)).as("anger after the empathy line, curve %s", report.path("anger"))
                .isLessThan(angerAt(report, empathyAt - 1));
        assertThat(Files.size(server.store().drillDir(id).resolve("recording.wav"))).isGreaterThan(44L);
    }

    /** The anger in force at {@code atMs}: the last point of the curve at or before it. */
    private static int angerAt(JsonNode report, long atMs) {
        int value = -1;
        for (JsonNode point : report.path("anger")) {
            if (point.path("atMs").asLong() <= atMs) value = point.path("value").asInt();
        }
        return value;
    }

    /** Share of the distinct words the agent said that appear among the recognised words. */
    static double recognisedWordRate(List<String> said, String recognised) {
        Set<String> heard = new HashSet<>(Arrays.asList(words(recognised)));
        Set<String> spoken = new HashSet<>();
        for (String line : said) spoken.addAll(Arrays.asList(words(line)));
        return spoken.stream().filter(heard::contains).count() / (double) spoken.size();
    }

    private static String[] words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().split("\\s+");
    }
}
