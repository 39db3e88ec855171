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
}
