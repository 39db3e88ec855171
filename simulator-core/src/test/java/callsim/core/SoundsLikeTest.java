package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cue words matched on sound (issue 12): a word the recogniser heard split or as a near-homophone
 * still counts, and sound alone does not invent a technique. Pronunciations are the CMU dictionary's.
 */
class SoundsLikeTest {
    private static final Map<String, String> CMU = Map.ofEntries(
            Map.entry("charged", "CH AA R JH D"), Map.entry("twice", "T W AY S"), Map.entry("to", "T UW"),
            Map.entry("ice", "AY S"), Map.entry("you", "Y UW"), Map.entry("were", "W ER"), Map.entry("for", "F AO R"),
            Map.entry("the", "DH AH"), Map.entry("plan", "P L AE N"), Map.entry("thank", "TH AE NG K"),
            Map.entry("think", "TH IH NG K"), Map.entry("overdraft", "OW V ER D R AE F T"), Map.entry("fee", "F IY"),
            Map.entry("other", "AH DH ER"), Map.entry("dear", "D IH R"), Map.entry("add", "AE D"),
            Map.entry("coffee", "K AA F IY"), Map.entry("over", "OW V ER"), Map.entry("draft", "D R AE F T"),
            Map.entry("an", "AE N"), Map.entry("a", "AH"), Map.entry("nice", "N AY S"), Map.entry("cup", "K AH P"),
            Map.entry("of", "AH V"));
    private static final Pronunciations DICTIONARY = word -> CMU.containsKey(word) ? List.of(CMU.get(word).split(" ")) : List.of();

    private final TurnAnalyzer bySound = new TurnAnalyzer(TestScenarios.doubleCharge(), SoundsLike.with(DICTIONARY));
    private final TurnAnalyzer bySpelling = new TurnAnalyzer(TestScenarios.doubleCharge());

    private static List<Signal> signals(TurnAnalyzer analyzer, String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @Test
    void aGrievanceHeardAsTwoWordsIsStillRestated() {
        String heard = "you were charged an over draft fee"; // said: "you were charged an overdraft fee"

        assertThat(signals(bySound, heard)).contains(Signal.RESTATEMENT);
        assertThat(signals(bySpelling, heard)).doesNotContain(Signal.RESTATEMENT);
    }

    @Test
    void soundDoesNotInventAGrievanceTheAgentDidNotName() {
        assertThat(signals(bySound, "you were charged for the plan")).doesNotContain(Signal.RESTATEMENT);
        assertThat(signals(bySound, "a nice cup of coffee")).doesNotContain(Signal.RESTATEMENT);
    }

    @Test
    void theDistanceIsCountedPerCueWordPhoneAndSimilarPhonesCostHalf() {
        // "twice" (4 phones) heard as "to ice": W → UW, a glide for a vowel, costs 1: 0.25 per phone
        assertThat(run("twice", "to ice", 0.24)).isZero();
        assertThat(run("twice", "to ice", 0.25)).isEqualTo(2);
        // "thank" (4 phones) heard as "think": AE → IH, two vowels, costs 0.5: 0.125 per phone
        assertThat(run("thank", "think", 0.12)).isZero();
        assertThat(run("thank", "think", 0.13)).isEqualTo(1);
    }

    @Test
    void wordsShorterThanTheLimitAreLeftToSpelling() {
        SoundsLike sounds = new SoundsLike(DICTIONARY, 1.0, 5);
        assertThat(sounds.runSoundingLike("twice", List.of("to", "ice"), 0)).isZero(); // 4 phones
        assertThat(sounds.runSoundingLike("overdraft", List.of("other", "dear", "add"), 0)).isEqualTo(3);
    }

    private static int run(String cueWord, String heard, double maxDistance) {
        return new SoundsLike(DICTIONARY, maxDistance, 1).runSoundingLike(cueWord, Words.tokens(heard), 0);
    }
}
