package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring a finished drill from what the agent said (a post-call transcript) rather than what the caller heard live. */
class PostCallScoringTest {
    private static final String GARBLED_APOLOGY = "i am with our you were charged line";
    private static final String CLEAR_APOLOGY = "I am so sorry you were charged twice";
    private static final String GARBLED_HOLD = "can eye pa you on old for too minutes";
    private static final String CLEAR_HOLD = "can I put you on hold for two minutes while I check";

    /** A drill whose apology the live recogniser garbled. */
    private static VirtualCall garbledApology() {
        return new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 11).connect().waitForCaller(800)
                .agentSays(3_000, GARBLED_APOLOGY).waitForCaller(700)
                .agentSays(2_000, "can I have your account number please").waitForCaller(700)
                .hangUp();
    }

    private static DrillRecord rescored(VirtualCall call, List<String> said) {
        return PostCallScoring.rescore(TestScenarios.doubleCharge(), Difficulty.NORMAL, 11, SoundsLike.off(),
                call.events(), said, call.now());
    }

    private static List<String> liveWords(VirtualCall call) {
        return PostCallScoring.agentTurns(call.events()).stream().map(DrillEvent.AgentTurn::words).toList();
    }

    private static List<String> replacing(List<String> words, String heard, String said) {
        List<String> out = new ArrayList<>(words);
        out.replaceAll(w -> w.equals(heard) ? said : w);
        return out;
    }

    @Test
    void theLiveWordsReplayedGiveTheLiveRecord() {
        VirtualCall call = garbledApology();

        assertThat(rescored(call, liveWords(call))).isEqualTo(call.record());
    }

    @Test
    void anApologyTheCallerDidNotHearClearlyIsCreditedFromThePostCallWords() {
        VirtualCall call = garbledApology();
        DrillRecord live = call.record();

        DrillRecord post = rescored(call, replacing(liveWords(call), GARBLED_APOLOGY, CLEAR_APOLOGY));

        assertThat(live.score().technique(Technique.APOLOGISE_SPECIFICALLY).evidence()).isEmpty();
        assertThat(post.score().technique(Technique.APOLOGISE_SPECIFICALLY).evidence())
                .singleElement().matches(e -> e.kind().equals("specific-apology"));
        assertThat(post.score().technique(Technique.APOLOGISE_SPECIFICALLY).score())
                .isGreaterThan(live.score().technique(Technique.APOLOGISE_SPECIFICALLY).score());
        assertThat(post.score().total()).isGreaterThan(live.score().total());
        assertThat(post.transcript()).extracting(TranscriptEntry::text).contains(CLEAR_APOLOGY).doesNotContain(GARBLED_APOLOGY);
    }

    @Test
    void theCallersReactionsStayAsTheyHappenedLive() {
        VirtualCall call = garbledApology();
        DrillRecord live = call.record();

        DrillRecord post = rescored(call, replacing(liveWords(call), GARBLED_APOLOGY, CLEAR_APOLOGY));

        assertThat(post.anger()).isEqualTo(live.anger());
        assertThat(post.outcome()).isEqualTo(live.outcome());
        assertThat(post.transcript().stream().filter(e -> e.speaker() == Speaker.CALLER).toList())
                .isEqualTo(live.transcript().stream().filter(e -> e.speaker() == Speaker.CALLER).toList());
    }

    @Test
    void aHoldAskedForInWordsTheCallerMisheardCountsAsAnnounced() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 11).connect().waitForCaller(800)
                .agentSays(3_000, GARBLED_HOLD).waitForCaller(300).hold(20_000).waitForCaller(700).hangUp();

        DrillRecord post = rescored(call, replacing(liveWords(call), GARBLED_HOLD, CLEAR_HOLD));

        assertThat(call.record().metrics().holds()).singleElement().matches(h -> !h.announced());
        assertThat(post.metrics().holds()).singleElement().matches(HoldRecord::announced);
        assertThat(post.score().technique(Technique.MANAGE_HOLD).score())
                .isGreaterThan(call.record().score().technique(Technique.MANAGE_HOLD).score());
    }

    @Test
    void theSamePostCallWordsGiveTheSameScore() {
        VirtualCall call = garbledApology();
        List<String> said = replacing(liveWords(call), GARBLED_APOLOGY, CLEAR_APOLOGY);

        assertThat(rescored(call, said)).isEqualTo(rescored(call, said));
    }

    @Test
    void wordsForADifferentNumberOfTurnsAreRefused() {
        VirtualCall call = garbledApology();

        assertThatThrownBy(() -> rescored(call, List.of(CLEAR_APOLOGY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 agent turns").hasMessageContaining("has 1");
    }
}
