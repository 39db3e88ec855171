package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.app.softphone.AgentSpeech;
import callsim.app.softphone.LinphoneAgent;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.RecognizerSettings;
import callsim.speech.SpokenText;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's softphone check: a real softphone (linphonec, real SIP/RTP on loopback) dials double-charge and
 * plays an agent's lines spoken by flite's {@code slt} voice, a synthesiser the recogniser was not built
 * around (the caller speaks FreeTTS). A good agent, whose lines are all absent from the language-model
 * corpus, passes; a poor agent (talks over the opening, says "calm down", holds without asking, blames the
 * system, never apologises, offers nothing but "we will look into it") fails, for what it did and not
 * because it was misheard.
 *
 * <p>Each test runs once; {@code -Dcallsim.softphoneRuns=N} repeats it N times and prints the pass count
 * ("good agent passed 5/5") before asserting that every run went the expected way.
 */
@ExtendWith(SharedCallsim.class)
class GoodAndPoorAgentSoftphoneIT {
    static final String VOICE = "slt";
    private static final String HOLD = "/hold";
    /** A good agent for double-charge: restate, apologise for the double charge and empathise, ask a fact,
     *  ask before a short hold, offer the remedy that meets the need plus a second, close. Tried in text first
     *  ({@code ./callsim chat --scenario double-charge --script}): 91/100, resolved after the remedy. */
    static final List<String> GOOD_AGENT = List.of(
            "So you were billed twice for your plan this month, and then your bank charged you an overdraft fee.",
            // Apology and empathy each said twice over: flite's "charged twice" was heard as "charged why is that"
            // (1 run in 5) and "that must be" was lost (1 in 5); the overdraft fee is heard every time.
            "I am so sorry you were charged twice, and that your bank hit you with an overdraft fee."
                    + " I can understand how stressful this has been for you.",
            "Could you tell me the date of the second charge so I can find it?",
            "Thank you. May I place you on hold for one moment while I check your account?",
            HOLD,
            "Thanks for waiting. I can refund the duplicate charge today, and I can also cover the overdraft fee."
                    + " Which would you prefer?",
            "All done. The refund will reach your account within five days, and you will get an email to confirm it."
                    + " Is there anything else you would like me to look at?",
            "Thanks again for bearing with me, and have a good day.");
    /** Said over the caller's opening, a second and a half into it. */
    static final String POOR_INTERRUPTION = "Okay, okay, you need to calm down.";
    /** After the interruption: a hold nobody asked for, then blame and a vague promise. */
    static final List<String> POOR_AGENT = List.of(
            HOLD,
            "Look, that is not my fault. It is the system, there is nothing I can do.",
            "We will look into it.");
    private static final Duration HOLD_LENGTH_GOOD = Duration.ofSeconds(4);
    private static final Duration HOLD_LENGTH_POOR = Duration.ofSeconds(6);
    private static final Duration CALLER_TURN = Duration.ofSeconds(40);
    private static final Duration DRILL_LIMIT = Duration.ofMinutes(4);
    private static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();

    static int runs() {
        return Integer.getInteger("callsim.softphoneRuns", 1);
    }

    @Test
    void aGoodAgentOnASoftphonePasses(CallsimServer server, @TempDir Path dir) throws Exception {
        requireHeldOut(GOOD_AGENT);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (int run = 1; run <= runs(); run++) {
            long began = System.nanoTime();
            JsonNode report = drill(server, dir.resolve("good-" + run), phone -> playGood(phone));
            List<String> problems = goodAgentProblems(report);
            summary("good", run, report, began, problems);
            if (problems.isEmpty()) passed++;
            else failures.add("run " + run + " (" + report.path("id").asText() + "): " + problems);
        }
        System.out.printf(Locale.ROOT, "GoodAndPoorAgentSoftphoneIT: good agent passed %d/%d%n", passed, runs());
        assertThat(failures).as("good agent runs that did not pass as expected").isEmpty();
    }

    @Test
    void aPoorAgentOnASoftphoneFailsForWhatItDid(CallsimServer server, @TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        int failed = 0;
        for (int run = 1; run <= runs(); run++) {
            long began = System.nanoTime();
            JsonNode report = drill(server, dir.resolve("poor-" + run), phone -> playPoor(phone));
            List<String> problems = poorAgentProblems(report);
            summary("poor", run, report, began, problems);
            if (problems.isEmpty()) failed++;
            else failures.add("run " + run + " (" + report.path("id").asText() + "): " + problems);
        }
        System.out.printf(Locale.ROOT, "GoodAndPoorAgentSoftphoneIT: poor agent failed (for what it did) %d/%d%n", failed, runs());
        assertThat(failures).as("poor agent runs that did not fail as expected").isEmpty();
    }

    @Test
    void theHeldOutCheckCatchesALineOrASentenceFromTheCorpus() {
        assertThatThrownBy(() -> requireHeldOut(List.of("Thank you for holding.")))
                .hasMessageContaining("Thank you for holding.");
        assertThatThrownBy(() -> requireHeldOut(List.of("All set. Is there anything else I can help you with today?")))
                .hasMessageContaining("anything else I can help you with today");
    }

    /** What is wrong with a good agent's report; empty when it passed on techniques really heard. */
    static List<String> goodAgentProblems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        JsonNode score = report.path("score");
        if (!score.path("passed").asBoolean()) problems.add("not passed: " + score.path("verdict").asText());
        if (!report.path("outcome").asText().equals("resolved")) problems.add("outcome " + report.path("outcome").asText());
        if (evidence(report, "T5", "specific-apology").isEmpty()) problems.add("no specific apology heard");
        if (evidence(report, "T3", "empathy").isEmpty()) problems.add("no empathy heard");
        if (evidence(report, "T8", "remedy").stream().noneMatch(e -> e.path("note").asText().contains("refund-duplicate"))) {
            problems.add("the refund of the duplicate was not heard");
        }
        if (report.path("metrics").path("agentInterruptions").asInt() != 0) problems.add("interruptions counted");
        for (JsonNode hold : report.path("metrics").path("evidence").path("holds")) {
            if (!hold.path("announced").asBoolean()) problems.add("a hold counted as unannounced");
        }
        return problems;
    }

    /** What is wrong with a poor agent's report; empty when it failed with its own mistakes in evidence. */
    static List<String> poorAgentProblems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        JsonNode score = report.path("score");
        if (score.path("passed").asBoolean()) problems.add("passed: " + score.path("verdict").asText());
        if (report.path("metrics").path("agentInterruptions").asInt() < 1) problems.add("no interruption counted");
        if (evidence(report, "T1", "cut-in-opening").isEmpty()) problems.add("the cut into the opening not counted");
        List<JsonNode> arguing = new ArrayList<>(evidence(report, "T10", "calm-down"));
        arguing.addAll(evidence(report, "T10", "arguing"));
        if (arguing.isEmpty()) problems.add("neither \"calm down\" nor arguing heard");
        if (evidence(report, "T7", "unannounced-hold").isEmpty()) problems.add("the unannounced hold not counted");
        if (!evidence(report, "T5", "specific-apology").isEmpty()) problems.add("an apology was credited");
        if (!evidence(report, "T8", "remedy").isEmpty()) problems.add("a remedy was credited");
        // It failed for what it did: every agent turn with words was heard clearly enough to be read.
        if (score.path("notHeardClearly").size() > 0) problems.add("turns not heard clearly: " + score.path("notHeardClearly"));
        return problems;
    }

    private interface Agent {
        void play(Call call) throws Exception;
    }

    /** A connected call: the phone, the drill's events, and whether the drill or the caller has ended. */
    private record Call(LinphoneAgent phone, DrillEventLog events, String id, Path dir) {
        boolean over() throws java.io.IOException {
            return FINISHED.contains(id) || events.count("CallerHangUp") > 0;
        }

        void say(String text) throws Exception {
            phone.play(AgentSpeech.flite(VOICE, text, dir));
            phone.awaitPlaybackDone(Duration.ofSeconds(40));
        }

        void hold(Duration length) throws Exception {
            phone.pause();
            await().pollDelay(length).atMost(length.plusSeconds(1)).until(() -> true);
            phone.resume();
        }

        /** Until the caller has answered (spoken since {@code startedBefore} utterances) and fallen silent for a moment. */
        void awaitCallerReply(int startedBefore) {
            await().atMost(CALLER_TURN).pollInterval(Duration.ofMillis(300)).until(() -> over() || quiet(startedBefore));
            await().pollDelay(Duration.ofMillis(1500)).atMost(CALLER_TURN).until(() -> over() || quiet(startedBefore));
        }

        private boolean quiet(int startedBefore) throws java.io.IOException {
            int started = events.count("CallerSpeechStarted");
            return started > startedBefore && started == events.count("CallerSpeechEnded");
        }

        int callerUtterances() throws java.io.IOException {
            return events.count("CallerSpeechStarted");
        }
    }

    private static void playGood(Call call) throws Exception {
        call.awaitCallerReply(0); // the whole opening: let them vent
        for (String line : GOOD_AGENT) {
            if (call.over()) break;
            int before = call.callerUtterances();
            if (line.equals(HOLD)) call.hold(HOLD_LENGTH_GOOD);
            else call.say(line);
            call.awaitCallerReply(before);
        }
    }

    private static void playPoor(Call call) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> call.callerUtterances() >= 1);
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        int before = call.callerUtterances();
        call.say(POOR_INTERRUPTION);
        call.awaitCallerReply(before);
        for (String line : POOR_AGENT) {
            if (call.over()) break;
            before = call.callerUtterances();
            if (line.equals(HOLD)) call.hold(HOLD_LENGTH_POOR);
            else call.say(line);
            call.awaitCallerReply(before);
        }
    }

    /** One drill: linphonec dials double-charge, {@code agent} plays its part, the call ends; the final report. */
    private static JsonNode drill(CallsimServer server, Path dir, Agent agent) throws Exception {
        Files.createDirectories(dir);
        CompletableFuture<String> started = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(FINISHED::add);
        String id;
        try (LinphoneAgent phone = LinphoneAgent.start(dir.resolve("linphone"), "201")) {
            phone.call("sip:double-charge@127.0.0.1:" + server.sipPort());
            phone.awaitInCall(Duration.ofSeconds(10));
            id = started.get(10, TimeUnit.SECONDS);
            Call call = new Call(phone, new DrillEventLog(server, id), id, dir);
            CompletableFuture<Void> played = CompletableFuture.runAsync(() -> {
                try {
                    agent.play(call);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            played.get(DRILL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            // A caller who ended the drill says goodbye, then reads a debrief, which a key skips (a key pressed
            // during the goodbye is an ordinary key press); an agent whose script ran out hangs up.
            await().atMost(CALLER_TURN).until(() -> call.over() || call.quiet(call.callerUtterances() - 1));
            boolean callerEnded = call.events().count("CallerHangUp") > 0;
            if (!FINISHED.contains(id) && !callerEnded) phone.hangUp();
            long until = System.nanoTime() + CALLER_TURN.toNanos();
            while (callerEnded && !FINISHED.contains(id) && System.nanoTime() < until) {
                if (call.quiet(call.callerUtterances() - 1)) {
                    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
                    if (!FINISHED.contains(id)) phone.sendDtmf('1');
                }
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> FINISHED.contains(id));
        }
        return await().atMost(Duration.ofSeconds(60)).until(() -> server.store().reportJson(id),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
    }

    private static List<JsonNode> evidence(JsonNode report, String technique, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode t : report.path("score").path("techniques")) {
            if (!t.path("id").asText().equals(technique)) continue;
            for (JsonNode e : t.path("evidence")) {
                if (e.path("kind").asText().equals(kind)) found.add(e);
            }
        }
        return found;
    }

    private static void summary(String agent, int run, JsonNode report, long beganNanos, List<String> problems) {
        JsonNode score = report.path("score");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s agent run %d/%d: %s %d/100, outcome %s, %.0f s%s%n", agent, run, runs(),
                score.path("passed").asBoolean() ? "PASSED" : "NOT PASSED", score.path("total").asInt(),
                report.path("outcome").asText(), (System.nanoTime() - beganNanos) / 1e9,
                problems.isEmpty() ? "" : " UNEXPECTED: " + problems));
        out.append("  verdict: ").append(score.path("verdict").asText()).append('\n');
        for (JsonNode t : score.path("techniques")) {
            out.append(String.format(Locale.ROOT, "  %-4s %3d %s%n", t.path("id").asText(), t.path("score").asInt(),
                    t.path("evidence").findValuesAsText("kind")));
        }
        score.path("advice").forEach(a -> out.append("  * ").append(a.asText()).append('\n'));
        score.path("notHeardClearly").forEach(n -> out.append("  ! ").append(n.path("note").asText()).append('\n'));
        for (JsonNode turn : report.path("transcript")) {
            out.append(String.format(Locale.ROOT, "  [%6.1fs] %-6s %s%n", turn.path("startMs").asLong() / 1000.0,
                    turn.path("speaker").asText(), turn.path("text").asText()));
        }
        System.out.print(out);
    }

    /**
     * Fails if a line, or any sentence of it, is in the recogniser's language-model corpus (the bundled agent
     * phrases plus every scenario's {@code agentPhrases}, as CallsimServer builds it; the check of the bench's
     * {@code Corpora.requireHeldOut}, sentence by sentence): such a line would be recognised from the corpus.
     */
    static void requireHeldOut(List<String> lines) {
        Set<String> corpus = RecognizerSettings.defaults()
                .withExtraSentences(ScenarioLibrary.builtIn().all().stream().flatMap(s -> s.agentPhrases().stream()).toList())
                .corpus().stream().map(SpokenText::normalize).collect(Collectors.toSet());
        List<String> leaked = lines.stream().filter(l -> !l.equals(HOLD))
                .flatMap(l -> Stream.concat(Stream.of(l), Arrays.stream(l.split("(?<=[.?!])\\s+"))))
                .filter(s -> corpus.contains(SpokenText.normalize(s))).distinct().toList();
        assertThat(leaked).as("good agent lines found in the language-model corpus").isEmpty();
    }
}
