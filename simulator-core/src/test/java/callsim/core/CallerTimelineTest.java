package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for when a caller line starts, waits, is cut or is dropped, as the pipeline and the text drill follow them. */
class CallerTimelineTest {
    private final CallerTimeline timeline = new CallerTimeline();

    private static CallerAction.Speak line(int id, boolean overAgent) {
        return new CallerAction.Speak(id, "line " + id, 50, overAgent);
    }

    @Test
    void aLineStartsWhenItsAudioIsReadyAndEndsAfterItsPlannedLength() {
        timeline.decided(line(1, false), 0);
        assertThat(timeline.advance(100)).as("no audio yet").isEmpty();

        timeline.ready(1, 1_000, 200);
        assertThat(timeline.nextChangeMs()).isEqualTo(200);
        assertThat(timeline.advance(200)).containsExactly(new DrillEvent.CallerSpeechStarted(200, 1, 1_000));
        assertThat(timeline.advance(1_180)).isEmpty();
        assertThat(timeline.advance(1_200)).containsExactly(new DrillEvent.CallerSpeechEnded(1_200, 1, false));
        assertThat(timeline.busy()).isFalse();
    }

    @Test
    void aSecondLineWaitsForTheFirstToEnd() {
        timeline.decided(line(1, false), 0);
        timeline.ready(1, 500, 0);
        timeline.decided(line(2, false), 0);
        timeline.ready(2, 500, 0);

        assertThat(timeline.advance(0)).containsExactly(new DrillEvent.CallerSpeechStarted(0, 1, 500));
        assertThat(timeline.advance(500)).containsExactly(new DrillEvent.CallerSpeechEnded(500, 1, false),
                new DrillEvent.CallerSpeechStarted(500, 2, 500));
    }

    @Test
    void aReplyIsDroppedWhenTheAgentStartsTalkingBeforeItIsHeard() {
        timeline.decided(line(1, false), 0);
        timeline.observe(new DrillEvent.AgentSpeechStarted(150));
        timeline.observe(new DrillEvent.AgentSpeechStopped(180));
        timeline.ready(1, 500, 200);

        assertThat(timeline.advance(200)).containsExactly(new DrillEvent.CallerSpeechEnded(200, 1, true));
        assertThat(timeline.droppedStale()).isEqualTo(1);
        assertThat(timeline.busy()).isFalse();
    }

    @Test
    void aBargeInGoesOverTheAgentAndLastWordsAreSaidAnyway() {
        timeline.observe(new DrillEvent.AgentSpeechStarted(0));
        timeline.decided(line(1, true), 100);
        timeline.ready(1, 500, 100);
        assertThat(timeline.advance(100)).containsExactly(new DrillEvent.CallerSpeechStarted(100, 1, 500));

        timeline.decided(line(2, false), 200);
        timeline.lastWords();
        timeline.ready(2, 500, 200);
        assertThat(timeline.advance(600)).containsExactly(new DrillEvent.CallerSpeechEnded(600, 1, false),
                new DrillEvent.CallerSpeechStarted(600, 2, 500));
    }

    @Test
    void aLineDecidedBeforeAHoldIsNeverHeardAfterIt() {
        timeline.decided(line(1, false), 0);
        timeline.ready(1, 500, 2_000);
        timeline.observe(new DrillEvent.HoldStarted(100));
        timeline.observe(new DrillEvent.HoldEnded(5_000));

        assertThat(timeline.advance(5_000)).containsExactly(new DrillEvent.CallerSpeechEnded(5_000, 1, true));
    }

    @Test
    void aCutEndsThePlayingLineAtOnceOrWithdrawsAWaitingOne() {
        timeline.decided(line(1, false), 0);
        timeline.ready(1, 5_000, 0);
        timeline.decided(line(2, false), 0);
        timeline.advance(0);

        assertThat(timeline.cut(2, 300)).containsExactly(new DrillEvent.CallerSpeechEnded(300, 2, true));
        assertThat(timeline.cut(1, 400)).containsExactly(new DrillEvent.CallerSpeechEnded(400, 1, true));
        assertThat(timeline.ready(2, 500, 500)).as("a withdrawn line's audio is not wanted").isFalse();
        assertThat(timeline.advance(600)).isEqualTo(List.of());
    }
}
