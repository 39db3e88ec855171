package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.LineMetrics;
import callsim.core.Outcome;
import callsim.core.Span;
import callsim.core.Speaker;
import callsim.core.TranscriptEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TextDrillTest {
    private static final long SEED = 7;

    @Test
    void aScriptGivesATranscriptOfCallerAndAgentTakingTurnsAtPlausibleTimes() {
        DrillRecord record = ScriptedTextDrill.playResource("model-agent.txt", Difficulty.NORMAL, SEED).drill.record();
        List<TranscriptEntry> transcript = record.transcript();

        assertThat(transcript).hasSizeGreaterThanOrEqualTo(6);
        assertThat(transcript.get(0).speaker()).isEqualTo(Speaker.CALLER);
        assertThat(transcript.get(1).text()).startsWith("I completely understand how frustrating");
        for (int i = 1; i < transcript.size(); i++) {
            TranscriptEntry before = transcript.get(i - 1);
            TranscriptEntry entry = transcript.get(i);
            assertThat(entry.speaker()).as("turn %d alternates", i).isNotEqualTo(before.speaker());
            assertThat(entry.startMs()).as("turn %d starts after the previous one ends", i).isGreaterThan(before.endMs());
            assertThat(entry.startMs() - before.endMs()).as("gap before turn %d", i).isLessThan(3_000);
            assertThat(entry.endMs()).isGreaterThan(entry.startMs());
        }
        TranscriptEntry opening = transcript.get(0);
        assertThat(opening.endMs() - opening.startMs()).as("a 75-word complaint takes a while to say").isBetween(15_000L, 40_000L);
    }

    @Test
    void theAgentsTurnLastsAsLongAsSayingItsWordsAt150WordsPerMinute() {
        DrillRecord record = ScriptedTextDrill.play("one two three four five six seven eight nine ten", Difficulty.EASY, SEED)
                .drill.record();
        TranscriptEntry agent = record.transcript().stream().filter(e -> e.speaker() == Speaker.AGENT).findFirst().orElseThrow();

        assertThat(agent.endMs() - agent.startMs()).isEqualTo(4_000);
    }

    @Test
    void aFortySecondHoldIsOneHoldOfExactlyFortySeconds() {
        String script = """
                I'm so sorry you were charged twice. May I put you on hold for a minute while I check your billing?
                /hold 40
                Thank you for holding.
                """;
        TextDrill drill = ScriptedTextDrill.play(script, Difficulty.EASY, SEED).drill;
        LineMetrics metrics = drill.record().metrics();

        assertThat(metrics.holdCount()).isEqualTo(1);
        assertThat(metrics.holdSeconds()).isEqualTo(40.0);
        assertThat(metrics.holds().get(0).announced()).isTrue();
        long holdStart = metrics.holds().get(0).startMs();
        assertThat(drill.events()).filteredOn(e -> e instanceof DrillEvent.CallerSpeechStarted)
                .as("the caller is not heard on hold").noneMatch(e -> e.atMs() > holdStart && e.atMs() < holdStart + 40_000);
    }

    @Test
    void interruptingStartsASecondIntoTheCallersLineAndCountsAsAnInterruption() {
        TextDrill drill = ScriptedTextDrill.play("/interrupt okay but what is your account number", Difficulty.NORMAL, SEED).drill;
        LineMetrics metrics = drill.record().metrics();

        assertThat(metrics.agentInterruptions()).isEqualTo(1);
        long openingStart = drill.events().stream().filter(e -> e instanceof DrillEvent.CallerSpeechStarted)
                .findFirst().orElseThrow().atMs();
        assertThat(metrics.agentInterruptionsAtMs()).containsExactly(openingStart + 1_000);
        assertThat(metrics.overtalkSeconds()).isPositive();
    }

    @Test
    void aCallerWhoYieldsToAnInterruptionIsCutOffThere() {
        TextDrill drill = ScriptedTextDrill.play("/interrupt sorry but can I get your account number", Difficulty.EASY, SEED).drill;

        DrillEvent.CallerSpeechStarted opening = (DrillEvent.CallerSpeechStarted) drill.events().stream()
                .filter(e -> e instanceof DrillEvent.CallerSpeechStarted).findFirst().orElseThrow();
        DrillEvent.CallerSpeechEnded end = (DrillEvent.CallerSpeechEnded) drill.events().stream()
                .filter(e -> e instanceof DrillEvent.CallerSpeechEnded).findFirst().orElseThrow();
        assertThat(end.cutShort()).isTrue();
        assertThat(end.atMs()).isBetween(opening.atMs() + 1_000, opening.atMs() + 3_000);
        TranscriptEntry said = drill.record().transcript().get(0);
        assertThat(said.endMs()).isEqualTo(end.atMs());
    }

    @Test
    void eightSecondsOfSilenceIsDeadAirAndTheCallerChecksTheLine() {
        ScriptedTextDrill played = ScriptedTextDrill.play("/wait 8", Difficulty.NORMAL, SEED);
        LineMetrics metrics = played.drill.record().metrics();

        assertThat(metrics.deadAirSeconds()).isGreaterThan(5.0);
        Span deadAir = metrics.deadAir().get(0);
        assertThat(deadAir.endMs() - deadAir.startMs()).isGreaterThan(5_000);
        assertThat(played.conversation.lines().skip(1).findFirst()).hasValueSatisfying(line ->
                assertThat(line.toLowerCase()).containsAnyOf("hello", "there", "lose you", "hear me", "say something"));
    }

    @Test
    void theSameSeedAndScriptGiveTheSameReport() {
        String model = ScriptedTextDrill.resource("model-agent.txt");
        String poor = ScriptedTextDrill.resource("poor-agent.txt");
        Instant start = Instant.parse("2026-11-22T18:00:00Z");
        for (String script : List.of(model, poor)) {
            String first = ChatReport.build(ScriptedTextDrill.play(script, Difficulty.NORMAL, 99).drill, start).toString();
            String second = ChatReport.build(ScriptedTextDrill.play(script, Difficulty.NORMAL, 99).drill, start).toString();
            assertThat(second).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Difficulty.class, names = {"EASY", "NORMAL"})
    void aModelAgentResolvesTheDoubleCharge(Difficulty difficulty) {
        for (long seed = 1; seed <= 20; seed++) {
            TextDrill drill = ScriptedTextDrill.playResource("model-agent.txt", difficulty, seed).drill;
            assertThat(drill.outcome()).as("seed %d", seed).isEqualTo(Outcome.RESOLVED);
            assertThat(drill.record().metrics().agentInterruptions()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void aPoorAgentLeavesTheCallerFuriousOrGone(Difficulty difficulty) {
        TextDrill drill = ScriptedTextDrill.playResource("poor-agent.txt", difficulty, SEED).drill;

        assertThat(drill.outcome() == Outcome.CALLER_HUNG_UP || drill.anger() >= 80)
                .as("outcome %s, anger %d", drill.outcome(), drill.anger()).isTrue();
        assertThat(drill.record().metrics().agentInterruptions()).isPositive();
    }

    @Test
    void aThreeMinuteUnannouncedHoldLosesTheCaller() {
        TextDrill drill = ScriptedTextDrill.play("""
                I'm sorry you were charged twice.
                /hold 180
                Thanks for waiting.
                """, Difficulty.NORMAL, SEED).drill;

        assertThat(drill.outcome()).isEqualTo(Outcome.CALLER_HUNG_UP);
        assertThat(drill.record().metrics().holds()).singleElement().satisfies(hold -> {
            assertThat(hold.announced()).isFalse();
            assertThat(hold.lengthMs()).isLessThan(180_000);
        });
    }

    @Test
    void theSessionHearsAnOrderedTimelineWithATickEvery100Ms() {
        TextDrill drill = ScriptedTextDrill.playResource("poor-agent.txt", Difficulty.NORMAL, SEED).drill;
        List<DrillEvent> events = drill.events();

        assertThat(events.get(0)).isEqualTo(new DrillEvent.CallConnected(0));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).atMs()).as("event %d: %s", i, events.get(i)).isGreaterThanOrEqualTo(events.get(i - 1).atMs());
        }
        List<Long> ticks = events.stream().filter(e -> e instanceof DrillEvent.Tick).map(DrillEvent::atMs).toList();
        assertThat(ticks).hasSize((int) (drill.nowMs() / 100));
        for (int i = 0; i < ticks.size(); i++) assertThat(ticks.get(i)).isEqualTo(100L * (i + 1));
    }

    @Test
    void anAgentHangUpEndsTheDrillAndLaterMovesDoNothing() {
        TextDrill drill = ScriptedTextDrill.play("/hangup\nI'm sorry, are you still there?", Difficulty.EASY, SEED).drill;

        assertThat(drill.finished()).isTrue();
        assertThat(drill.outcome()).isEqualTo(Outcome.AGENT_ENDED);
        assertThat(drill.record().transcript()).extracting(TranscriptEntry::speaker).containsOnly(Speaker.CALLER);
        assertThat(drill.events()).last().isInstanceOf(DrillEvent.AgentHungUp.class);
    }
}
