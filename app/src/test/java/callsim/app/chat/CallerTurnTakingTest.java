package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.Evidence;
import callsim.core.Fact;
import callsim.core.LineSituation;
import callsim.core.Scenario;
import callsim.core.Speaker;
import callsim.core.Technique;
import callsim.core.TranscriptEntry;
import callsim.scenarios.ScenarioLibrary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text drills on three scenarios showing the caller taking turns as a person does (issue 13): no
 * stale replies, silence handled with a few checks and then a hang-up, choices and double questions
 * answered, "let me finish" only when cut off, and variety in what the caller says.
 */
class CallerTurnTakingTest {
    private static final long SEED = 7;

    /** A scenario and agent turns that fit it. */
    record Call(String scenarioId, String apology, String twoQuestions, String firstFact, String secondFact,
                String choice, String pick) {
        Scenario scenario() {
            return ScenarioLibrary.builtIn().get(scenarioId);
        }

        String answer(String factId) {
            return scenario().facts().stream().filter(f -> f.id().equals(factId)).map(Fact::answer).findFirst().orElseThrow();
        }

        @Override
        public String toString() {
            return scenarioId;
        }
    }

    static Stream<Call> calls() {
        return Stream.of(
                new Call("double-charge",
                        "I am so sorry you were charged twice, I completely understand how frustrating that is.",
                        "Could you give me the account number please, and when did you notice the second charge?",
                        "account-number", "charge-date",
                        "I can refund the duplicate charge today, or put a credit to your account instead. Which would you prefer?",
                        "The refund, please"),
                new Call("flight-refund",
                        "I am so sorry your refund never arrived, I completely understand how frustrating this is.",
                        "Could you tell me your booking reference, and what is the case number you were given?",
                        "booking-reference", "case-number",
                        "I can issue the refund today, or give you a travel voucher instead. Which would you prefer?",
                        "The refund today, please"),
                new Call("parcel-missing",
                        "I am so sorry your parcel never arrived, I completely understand how stressful this is.",
                        "Could you give me your order number, and what is your delivery address?",
                        "order-number", "address",
                        "I can send a replacement today by express delivery, or give you a full refund. Which would you prefer?",
                        "The replacement, please"));
    }

    private static ScriptedTextDrill play(Call call, Difficulty difficulty, long seed, String... moves) {
        return ScriptedTextDrill.play(call.scenario(), String.join("\n", moves), difficulty, seed);
    }

    private static List<TranscriptEntry> callerLines(DrillRecord record) {
        return record.transcript().stream().filter(e -> e.speaker() == Speaker.CALLER).toList();
    }

    // ---- item 2: no stale replies ----

    @ParameterizedTest
    @MethodSource("calls")
    void aReplyTheAgentHasTalkedOnFromIsNeverPlayedOverThem(Call call) {
        // The agent carries on 0.8 s after their turn: the caller's reply to it is due 0.9 s after.
        ScriptedTextDrill played = play(call, Difficulty.NORMAL, SEED, call.apology(), "/then 0.8 " + call.twoQuestions());
        DrillRecord record = played.drill.record();

        assertThat(callerLinesStartedWhileTheAgentWasMidTurn(call, played.drill)).isEmpty();
        assertThat(record.metrics().callerInterruptions()).isZero();
        assertThat(callerLines(record)).as("the caller answers what the agent went on to ask").element(1)
                .extracting(TranscriptEntry::text).asString().contains(call.answer(call.firstFact()));
    }

    /** Caller lines that started after an agent turn began and before its words were known, barge-ins aside. */
    private static List<String> callerLinesStartedWhileTheAgentWasMidTurn(Call call, TextDrill drill) {
        Set<String> deliberate = new HashSet<>();
        for (LineSituation overTheAgent : List.of(LineSituation.BARGE_IN, LineSituation.INTERRUPTED)) {
            call.scenario().lines().pools().getOrDefault(overTheAgent, java.util.Map.of()).values().forEach(deliberate::addAll);
        }
        List<DrillEvent.AgentTurn> turns = drill.events().stream()
                .filter(e -> e instanceof DrillEvent.AgentTurn).map(e -> (DrillEvent.AgentTurn) e).toList();
        List<String> stale = new ArrayList<>();
        for (TranscriptEntry line : callerLines(drill.record())) {
            boolean midTurn = turns.stream().anyMatch(t -> line.startMs() >= t.startMs() && line.startMs() < t.atMs());
            if (midTurn && !deliberate.contains(line.text())) stale.add(line.text());
        }
        return stale;
    }

    // ---- item 3: silence like a person ----

    @ParameterizedTest
    @MethodSource("calls")
    void leftInSilenceTheCallerChecksAFewTimesThenHangsUp(Call call) {
        ScriptedTextDrill played = play(call, Difficulty.NORMAL, SEED, "/wait 90");
        DrillRecord record = played.drill.record();
        List<TranscriptEntry> lines = callerLines(record);
        List<TranscriptEntry> afterOpening = lines.subList(1, lines.size());

        assertThat(record.outcome().jsonName()).isEqualTo("agent_silent");
        assertThat(record.outcomeReason()).contains("went silent");
        assertThat(afterOpening).as("a few checks and a goodbye, not one every few seconds").hasSizeBetween(3, 5);
        for (int i = 1; i < afterOpening.size(); i++) {
            assertThat(afterOpening.get(i).text()).as("line %d", i).isNotEqualTo(afterOpening.get(i - 1).text());
        }
        long silenceFrom = lines.get(0).endMs();
        assertThat(afterOpening.get(afterOpening.size() - 1).startMs() - silenceFrom).isBetween(45_000L, 61_000L);
        List<Evidence> deadAir = record.score().technique(Technique.MANAGE_HOLD).evidence().stream()
                .filter(e -> e.kind().equals("dead-air")).toList();
        assertThat(deadAir).as("one silence, one evidence item").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void aCalmedCallerWaitsLongerInSilenceThanAFuriousOne(Call call) {
        DrillRecord calmed = play(call, Difficulty.EASY, SEED, call.apology(), "/wait 90").drill.record();
        DrillRecord furious = play(call, Difficulty.HARD, SEED, "/wait 90").drill.record();

        assertThat(secondsOfSilenceBorne(calmed)).isGreaterThan(secondsOfSilenceBorne(furious) + 5);
    }

    private static int secondsOfSilenceBorne(DrillRecord record) {
        Matcher seconds = Pattern.compile("went silent for (\\d+) s").matcher(record.outcomeReason());
        assertThat(seconds.find()).as(record.outcomeReason()).isTrue();
        return Integer.parseInt(seconds.group(1));
    }

    // ---- item 4: choices and questions ----

    @ParameterizedTest
    @MethodSource("calls")
    void offeredTwoOptionsTheCallerSaysWhichTheyTake(Call call) {
        DrillRecord record = play(call, Difficulty.NORMAL, SEED, call.apology(), call.choice()).drill.record();

        assertThat(callerLines(record).get(2).text()).startsWith(call.pick());
    }

    @ParameterizedTest
    @MethodSource("calls")
    void askedTwoQuestionsInOneTurnTheCallerAnswersBoth(Call call) {
        DrillRecord record = play(call, Difficulty.NORMAL, SEED, call.apology(), call.twoQuestions()).drill.record();

        assertThat(callerLines(record).get(2).text())
                .contains(call.answer(call.firstFact()), call.answer(call.secondFact()));
    }

    @org.junit.jupiter.api.Test
    void oneQuestionGetsOneAnswerEvenWhenItsWordsFitTwoFacts() {
        Call call = calls().findFirst().orElseThrow();
        // "how much was the bank fee" is the bank-fee fact; "how much" alone would also be the amount.
        DrillRecord record = play(call, Difficulty.NORMAL, SEED, call.apology(), "Okay, and how much was the bank fee?").drill.record();

        assertThat(callerLines(record).get(2).text()).contains(call.answer("bank-fee")).doesNotContain(call.answer("amount"));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void aFuriousCallerCutOffStopsAndSaysLetMeFinishThenNotOnceTheyHaveFinished(Call call) {
        TextDrill drill = play(call, Difficulty.HARD, SEED, "/interrupt Okay, but what exactly do you want me to do about it?").drill;
        List<String> letMeFinish = call.scenario().lines().pools().get(LineSituation.INTERRUPTED).values().stream()
                .flatMap(List::stream).toList();
        DrillEvent.CallerSpeechStarted opening = (DrillEvent.CallerSpeechStarted) drill.events().stream()
                .filter(e -> e instanceof DrillEvent.CallerSpeechStarted).findFirst().orElseThrow();
        long openingWouldEndMs = opening.atMs() + opening.plannedMs();

        TranscriptEntry reply = callerLines(drill.record()).get(1);
        assertThat(letMeFinish).contains(reply.text());
        assertThat(reply.startMs()).as("said while the opening would still be going").isLessThan(openingWouldEndMs);
    }

    // ---- item 5: variety ----

    @ParameterizedTest
    @MethodSource("calls")
    void theOpeningVariesWithSeedAndIsShorterAndRuderWhenHard(Call call) {
        Set<String> normal = new HashSet<>();
        Set<String> hard = new HashSet<>();
        for (long seed = 1; seed <= 8; seed++) {
            normal.add(openingOf(call, Difficulty.NORMAL, seed));
            hard.add(openingOf(call, Difficulty.HARD, seed));
        }

        assertThat(normal).as("normal openings over 8 seeds").hasSizeGreaterThanOrEqualTo(2);
        assertThat(hard).as("hard openings over 8 seeds").hasSizeGreaterThanOrEqualTo(2).doesNotContainAnyElementsOf(normal);
        assertThat(averageWords(hard)).isLessThan(averageWords(normal) * 0.75);
    }

    private static String openingOf(Call call, Difficulty difficulty, long seed) {
        return callerLines(play(call, difficulty, seed, "/hangup").drill.record()).get(0).text();
    }

    private static double averageWords(Set<String> lines) {
        return lines.stream().mapToInt(line -> line.split("\\s+").length).average().orElse(0);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void aFactIsGivenInMoreThanOneWording(Call call) {
        Set<String> answers = new HashSet<>();
        for (long seed = 1; seed <= 8; seed++) {
            answers.add(callerLines(play(call, Difficulty.NORMAL, seed, call.apology(), call.twoQuestions()).drill.record()).get(2).text());
        }

        assertThat(answers).hasSizeGreaterThanOrEqualTo(2).allMatch(answer -> answer.contains(call.answer(call.firstFact())));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void noCallerLineComesTwiceWhileTheAgentSaysSomethingNewEachTime(Call call) {
        DrillRecord record = play(call, Difficulty.EASY, SEED, "Okay.", "I see.", "Right, let me look at that.",
                "Bear with me a moment.", "Let me just pull that up.", "Give me a second here.", "Okay, I'm with you.",
                "Alright, one moment.", "Just checking something.", "Hmm, okay then.").drill.record();
        List<String> said = callerLines(record).stream().map(TranscriptEntry::text).toList();

        assertThat(said).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
    }
}
