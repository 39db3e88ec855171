package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallerVoiceTest {
    private static final String TEN_WORDS = "I have been waiting on this line for an hour.";
    private static final VoiceStyle CALM = VoiceStyle.forAnger(10, 100);
    private static final VoiceStyle ANGRY = VoiceStyle.forAnger(90, 100);

    private static CallerVoice voice;

    @BeforeAll
    static void loadVoice() {
        voice = CallerVoice.load();
    }

    @Test
    void aTenWordSentenceIsPlausibleSpeechOnThe8kLine() {
        short[] audio = voice.speak8k(TEN_WORDS, CALM);

        assertThat(durationMs(audio, 8000)).isBetween(2000L, 5000L);
        assertThat(Signals.rmsDbfs(audio)).isBetween(-35.0, -10.0);
        // Speech has energy in the voice band, not just at one frequency or in clicks.
        assertThat(Signals.loudFrameShare(audio, 8000, -45)).isGreaterThan(0.6);
    }

    @Test
    void sixteenKilohertzOutputIsTheSameUtteranceAtTwiceTheSamples() {
        short[] line = voice.speak8k(TEN_WORDS, CALM);
        short[] wide = voice.speak16k(TEN_WORDS, CALM);
        assertThat(wide.length).isBetween(2 * line.length - 2, 2 * line.length + 2);
    }

    @Test
    void noLongSilenceAtEitherEnd() {
        short[] audio = voice.speak8k("Well... this is just ridiculous.", CALM);
        int frameSamples = 8000 / 100; // 10 ms
        int first = Signals.firstLoudWindow(audio, frameSamples, -45);
        int last = Signals.lastLoudWindow(audio, frameSamples, -45);
        assertThat(first * 10L).as("leading silence ms").isLessThanOrEqualTo(200);
        assertThat((audio.length / frameSamples - 1 - last) * 10L).as("trailing silence ms").isLessThanOrEqualTo(200);
    }

    @Test
    void theCallerSpeaksAtANaturalRateCalmAndFasterWhenFurious() {
        String opening = "Yes, hi. I'm calling because you people charged me twice for my plan this month. Twice! Sixty-four"
                + " ninety-nine, two times, on the same day. And now my bank account is overdrawn and the bank hit me with a fee."
                + " I already called about this last week, somebody promised me a call back, and nobody ever called.";
        int words = opening.split("\\s+").length;

        double calmWpm = words / (durationMs(voice.speak8k(opening, VoiceStyle.forAnger(0, 190)), 8000) / 60_000.0);
        double furiousWpm = words / (durationMs(voice.speak8k(opening, VoiceStyle.forAnger(95, 190)), 8000) / 60_000.0);

        assertThat(calmWpm).as("calm, words a minute").isBetween(140.0, 175.0);
        assertThat(furiousWpm).as("furious, words a minute").isBetween(175.0, 225.0).isGreaterThan(calmWpm + 20);
    }

    @Test
    void anAngryVoiceIsFasterAndLouderThanACalmOne() {
        short[] calm = voice.speak8k(TEN_WORDS, CALM);
        short[] angry = voice.speak8k(TEN_WORDS, ANGRY);

        assertThat(angry.length).isLessThan(calm.length * 85 / 100);
        assertThat(Signals.rmsDbfs(angry)).isGreaterThan(Signals.rmsDbfs(calm) + 3);
    }

    @Test
    void identicalRequestsGiveIdenticalAudioWhateverCameBetween() {
        short[] first = voice.speak8k(TEN_WORDS, CALM);
        voice.speak8k("Put me through to your manager right now!", ANGRY); // styles must not leak
        short[] second = voice.speak8k(TEN_WORDS, CALM);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void concurrentCallersGetTheSameAudioAsSequentialOnes() throws Exception {
        short[] expectedCalm = voice.speak8k(TEN_WORDS, CALM);
        short[] expectedAngry = voice.speak8k("Why does nobody ever call me back?", ANGRY);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CompletableFuture<short[]> calm = CompletableFuture.supplyAsync(() -> voice.speak8k(TEN_WORDS, CALM), pool);
                CompletableFuture<short[]> angry = CompletableFuture.supplyAsync(
                        () -> voice.speak8k("Why does nobody ever call me back?", ANGRY), pool);
                assertThat(calm.get(30, TimeUnit.SECONDS)).isEqualTo(expectedCalm);
                assertThat(angry.get(30, TimeUnit.SECONDS)).isEqualTo(expectedAngry);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gainIsAppliedWithClippingNotWrapAround() {
        short[] loud = voice.speak8k(TEN_WORDS, new VoiceStyle(150, 100, 11, 4.0f));
        short[] plain = voice.speak8k(TEN_WORDS, new VoiceStyle(150, 100, 11, 1.0f));
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] > 9000) assertThat(loud[i]).as("sample %d", i).isEqualTo(Short.MAX_VALUE);
            if (plain[i] < -9000) assertThat(loud[i]).as("sample %d", i).isEqualTo(Short.MIN_VALUE);
        }
    }

    @Test
    void blankTextIsRejected() {
        assertThatThrownBy(() -> voice.speak8k("  ", CALM)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long durationMs(short[] samples, int rate) {
        return samples.length * 1000L / rate;
    }
}
