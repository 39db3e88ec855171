package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.speech.TurnEnding.Verdict;
import org.junit.jupiter.api.Test;

class TurnEndingTest {

    @Test
    void aSentenceOfAFewWordsOrAOneWordAnswerSoundsFinished() {
        assertThat(TurnEnding.of("i'm so sorry you were charged twice")).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("can i have your account number")).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("yes")).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("okay")).isEqualTo(Verdict.FINISHED);
    }

    @Test
    void wordsThatLeadIntoMoreSoundUnfinished() {
        assertThat(TurnEnding.of("i can see the charge and")).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("let me just um")).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("i'll refund the")).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("so")).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("let me check your")).isEqualTo(Verdict.UNFINISHED);
    }

    @Test
    void aSentenceEndingOnAShortWordTheRecogniserOftenAddsStillSoundsFinished() {
        // "I really understand how frustrating that must be" heard as "... that we"
        assertThat(TurnEnding.of("really understand how frustrating that we")).isEqualTo(Verdict.FINISHED);
    }

    @Test
    void tooLittleToTellIsUnsure() {
        assertThat(TurnEnding.of("")).isEqualTo(Verdict.UNSURE);
        assertThat(TurnEnding.of("refund")).isEqualTo(Verdict.UNSURE);
        assertThat(TurnEnding.of("good morning")).isEqualTo(Verdict.UNSURE);
    }

    @Test
    void aFallingVoiceEndsATurnWhoseWordsAreTooFewToTell() {
        assertThat(TurnEnding.of("right then", PitchTail.Direction.FALLING)).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("", PitchTail.Direction.FALLING)).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("right then", PitchTail.Direction.FLAT)).isEqualTo(Verdict.UNSURE);
        assertThat(TurnEnding.of("right then", PitchTail.Direction.UNKNOWN)).isEqualTo(Verdict.UNSURE);
    }

    @Test
    void aLeadOnWordUnderAFallingVoiceWaitsOnlyTheUsualSilence() {
        // measured: an espeak-ng agent's "I really understand how frustrating this is" heard as "…how reading the"
        assertThat(TurnEnding.of("really understand how reading the", PitchTail.Direction.FALLING)).isEqualTo(Verdict.UNSURE);
        assertThat(TurnEnding.of("really understand how reading the", PitchTail.Direction.UNKNOWN)).isEqualTo(Verdict.UNFINISHED);
    }

    @Test
    void theWordsStillDecideWhenTheyCanAndARiseChangesNothing() {
        // a rise ends a question as surely as a fall ends a statement; "and" without a fall is a lead-in
        assertThat(TurnEnding.of("i can see the charge and", PitchTail.Direction.FLAT)).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("i can see the charge and", PitchTail.Direction.RISING)).isEqualTo(Verdict.UNFINISHED);
        assertThat(TurnEnding.of("would you like a refund", PitchTail.Direction.RISING)).isEqualTo(Verdict.FINISHED);
        assertThat(TurnEnding.of("good morning", PitchTail.Direction.RISING)).isEqualTo(Verdict.UNSURE);
    }
}
