package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerPlayoutTest {
    private static short[] samples(int count, short value) {
        short[] s = new short[count];
        java.util.Arrays.fill(s, value);
        return s;
    }

    @Test
    void cutsAnUtteranceIntoFramesAndPadsTheLastOne() {
        CallerPlayout playout = new CallerPlayout();
        playout.enqueue(new CallerPlayout.Utterance(1, samples(400, (short) 7)));

        CallerPlayout.FrameResult first = playout.nextFrame();
        assertThat(first.started()).map(CallerPlayout.Utterance::id).contains(1);
        assertThat(first.frame()).hasSize(160).containsOnly(7);
        assertThat(playout.nextFrame().finished()).isEmpty();
        CallerPlayout.FrameResult last = playout.nextFrame();
        assertThat(last.finished()).map(CallerPlayout.Utterance::id).contains(1);
        assertThat(last.frame()).hasSize(160);
        assertThat(last.frame()[79]).isEqualTo((short) 7);
        assertThat(last.frame()[80]).isZero();
        assertThat(playout.idle()).isTrue();
        assertThat(playout.nextFrame().frame()).containsOnly(0);
    }

    @Test
    void plannedDurationFollowsTheSampleCount() {
        assertThat(new CallerPlayout.Utterance(1, new short[8000]).plannedMs()).isEqualTo(1000);
    }

    @Test
    void aCutStopsTheUtteranceAtOnceAndTheNextOneFollows() {
        CallerPlayout playout = new CallerPlayout();
        playout.enqueue(new CallerPlayout.Utterance(1, samples(1600, (short) 1)));
        playout.enqueue(new CallerPlayout.Utterance(2, samples(160, (short) 2)));
        playout.nextFrame();

        assertThat(playout.cut(1)).map(CallerPlayout.Utterance::id).contains(1);
        CallerPlayout.FrameResult next = playout.nextFrame();
        assertThat(next.started()).map(CallerPlayout.Utterance::id).contains(2);
        assertThat(next.frame()).containsOnly(2);
    }

    @Test
    void cuttingAQueuedUtteranceRemovesItWithoutTouchingTheCurrentOne() {
        CallerPlayout playout = new CallerPlayout();
        playout.enqueue(new CallerPlayout.Utterance(1, samples(320, (short) 1)));
        playout.enqueue(new CallerPlayout.Utterance(2, samples(160, (short) 2)));
        playout.nextFrame();

        assertThat(playout.cut(2)).isEmpty();
        assertThat(playout.nextFrame().finished()).map(CallerPlayout.Utterance::id).contains(1);
        assertThat(playout.idle()).isTrue();
    }
}
