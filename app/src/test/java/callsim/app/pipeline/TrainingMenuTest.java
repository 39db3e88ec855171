package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.asterisk.RecordingListener;
import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The spoken menu, ticked by hand in place of the media clock. */
class TrainingMenuTest {
    private static final int PROMPT_FRAMES = 3;
    private static final int ENOUGH_TICKS = 10 * (TrainingMenu.WAIT_FOR_KEY_FRAMES + PROMPT_FRAMES);

    private final List<Scenario> scenarios = ScenarioLibrary.builtIn().all();
    private final FakeLine line = new FakeLine();
    private final List<String> spoken = new ArrayList<>();
    private final List<CompletableFuture<short[]>> synthesising = new ArrayList<>();
    private boolean slowVoice;  // when set, the test finishes each synthesis by hand
    private final List<DialPlan.Choice> started = new ArrayList<>();
    private final RecordingListener drill = new RecordingListener();
    private int abandoned;
    private final TrainingMenu menu = new TrainingMenu(line, scenarios, this::speak, this::start, () -> abandoned++);

    /** Prompt n (counting from 1) is samples of value n, so each frame sent shows which prompt it is from. */
    private CompletableFuture<short[]> speak(String text) {
        spoken.add(text);
        CompletableFuture<short[]> future = new CompletableFuture<>();
        if (slowVoice) synthesising.add(future);
        else future.complete(prompt(spoken.size()));
        return future;
    }

    private static short[] prompt(int n) {
        short[] samples = new short[PROMPT_FRAMES * CallLine.FRAME_SAMPLES - 80];
        Arrays.fill(samples, (short) n);
        return samples;
    }

    private LineListener start(DialPlan.Choice choice) {
        started.add(choice);
        return drill;
    }

    /** Ticks until the menu leaves the clock, at most {@code max} times; returns how many ticks it took. */
    private int tickUntilDone(int max) {
        for (int ticks = 1; ticks <= max; ticks++) {
            if (!menu.tick()) return ticks;
        }
        throw new AssertionError("menu still on the clock after " + max + " ticks");
    }

    private void tick(int times) {
        for (int i = 0; i < times; i++) assertThat(menu.tick()).as("tick " + i).isTrue();
    }

    @Test
    void theFirstPromptListsTheCallersByKeyAndIsPlayedOnTheLine() {
        tick(PROMPT_FRAMES + 1);

        assertThat(spoken).hasSize(1);
        String first = spoken.get(0);
        for (int i = 0; i < scenarios.size(); i++) {
            assertThat(first).contains("Press " + (i + 1) + " for " + scenarios.get(i).title() + ".");
        }
        assertThat(first.indexOf(scenarios.get(0).title())).isLessThan(first.indexOf(scenarios.get(1).title()));
        assertThat(line.frames).hasSize(PROMPT_FRAMES + 1).allSatisfy(f -> assertThat(f).hasSize(CallLine.FRAME_SAMPLES));
        assertThat(line.frames.subList(0, PROMPT_FRAMES)).allSatisfy(f -> assertThat(f[0]).isEqualTo((short) 1));
        assertThat(line.frames.get(PROMPT_FRAMES - 1)[159]).as("last prompt frame padded with silence").isZero();
        assertThat(line.lastFrameFrom()).as("silence after the prompt").isZero();
    }

    @Test
    void aKeyCutsThePromptShortAndAsksForTheLevel() {
        slowVoice = true;
        tick(1);
        short[] longPrompt = new short[100 * CallLine.FRAME_SAMPLES];
        Arrays.fill(longPrompt, (short) 1);
        synthesising.get(0).complete(longPrompt);
        tick(2);
        assertThat(line.lastFrameFrom()).as("the caller prompt is playing").isEqualTo(1);
        int framesBeforeKey = line.frames.size();

        menu.onDtmf('2');
        tick(1);  // the key is handled; the level prompt is being synthesised
        synthesising.get(1).complete(prompt(2));
        tick(1);

        assertThat(spoken).hasSize(2);
        assertThat(spoken.get(1)).isEqualTo(scenarios.get(1).title() + ". Press 1 for easy, 2 for normal, or 3 for hard.");
        assertThat(line.frames.subList(framesBeforeKey, line.frames.size())).extracting(f -> f[0])
                .as("silence while synthesising, then the level prompt").containsExactly((short) 0, (short) 2);
    }

    @Test
    void aPromptThatWasCutShortIsNeverPlayedWhenItsSynthesisFinishesLate() {
        slowVoice = true;
        tick(1);
        menu.onDtmf('1');
        tick(1);
        synthesising.get(1).complete(prompt(2));
        tick(1);
        synthesising.get(0).complete(prompt(1));  // the cut caller prompt finishes last

        tick(PROMPT_FRAMES + 2);

        assertThat(line.frames).noneSatisfy(f -> assertThat(f[0]).isEqualTo((short) 1));
        assertThat(line.frames).anySatisfy(f -> assertThat(f[0]).isEqualTo((short) 2));
    }

    @Test
    void keysTwoThenThreeStartTheSecondCallerAtHardAndTheDrillGetsTheCallFromThen() {
        tick(2);
        menu.onDtmf('2');
        tick(2);
        menu.onDtmf('3');
        tick(1);

        assertThat(started).containsExactly(new DialPlan.Choice(scenarios.get(1), Difficulty.HARD));
        int framesAtHandOff = line.frames.size();

        menu.onAudio(new short[CallLine.FRAME_SAMPLES]);
        menu.onHold();
        menu.onResume();
        menu.onDtmf('#');
        menu.onHangUp("agent hung up");

        assertThat(drill.events()).containsExactly("audio 160", "hold", "resume", "dtmf #", "hangup agent hung up");
        assertThat(tickUntilDone(100)).as("the menu leaves the media clock soon after the hand-off").isLessThanOrEqualTo(50);
        assertThat(line.frames).as("the drill speaks from now on, not the menu").hasSize(framesAtHandOff);
        assertThat(abandoned).isZero();
        assertThat(line.hangUps).isZero();
    }

    @Test
    void aKeyWithNoCallerOrLevelRepeatsThatQuestion() {
        tick(1);
        menu.onDtmf('9');  // eight built-in callers
        tick(1);
        menu.onDtmf('0');
        tick(1);
        menu.onDtmf('4');
        tick(1);
        menu.onDtmf('5');
        tick(1);

        assertThat(spoken).hasSize(5);
        assertThat(spoken.get(1)).startsWith("There is no caller on that key. Callsim training. Choose your caller.");
        assertThat(spoken.get(2)).as("0 repeats without a complaint").isEqualTo(spoken.get(0));
        assertThat(spoken.get(3)).startsWith(scenarios.get(3).title());
        assertThat(spoken.get(4)).isEqualTo("There is no level on that key. " + spoken.get(3));
        assertThat(started).isEmpty();
    }

    @Test
    void afterThreePromptsWithNoKeyTheMenuHangsUp() {
        int ticks = tickUntilDone(ENOUGH_TICKS);

        assertThat(spoken).hasSize(TrainingMenu.MAX_PROMPTS).allSatisfy(text -> assertThat(text).isEqualTo(spoken.get(0)));
        assertThat(ticks).as("each prompt waits for a key").isGreaterThanOrEqualTo(TrainingMenu.MAX_PROMPTS * TrainingMenu.WAIT_FOR_KEY_FRAMES);
        assertThat(line.hangUps).isEqualTo(1);
        assertThat(abandoned).isEqualTo(1);
        assertThat(started).isEmpty();
    }

    @Test
    void aKeyPressStartsTheSilenceCountAgain() {
        for (int i = 0; i < ENOUGH_TICKS && spoken.size() < TrainingMenu.MAX_PROMPTS; i++) menu.tick();
        assertThat(spoken).as("the last prompt before hanging up").hasSize(TrainingMenu.MAX_PROMPTS);
        menu.onDtmf('1');
        tick(1);

        tickUntilDone(ENOUGH_TICKS);

        assertThat(spoken).as("three caller prompts, then the level prompt three times").hasSize(2 * TrainingMenu.MAX_PROMPTS);
        assertThat(spoken.subList(TrainingMenu.MAX_PROMPTS, spoken.size())).allSatisfy(text -> assertThat(text).startsWith(scenarios.get(0).title()));
        assertThat(line.hangUps).isEqualTo(1);
    }

    @Test
    void hangingUpInTheMenuAbandonsItWithoutADrill() {
        tick(2);
        menu.onHangUp("agent hung up");

        assertThat(menu.tick()).as("off the clock").isFalse();
        menu.onDtmf('1');
        menu.onDtmf('1');

        assertThat(abandoned).isEqualTo(1);
        assertThat(started).isEmpty();
        assertThat(line.hangUps).as("the line is already gone").isZero();
    }

    @Test
    void aPromptThatCannotBeSynthesisedIsSilenceAndTheMenuStillWaitsForAKey() {
        slowVoice = true;
        tick(1);
        synthesising.get(0).completeExceptionally(new IllegalStateException("no voice"));
        tick(2);
        menu.onDtmf('1');
        tick(1);
        synthesising.get(1).complete(prompt(2));
        menu.onDtmf('2');
        tick(1);

        assertThat(started).containsExactly(new DialPlan.Choice(scenarios.get(0), Difficulty.NORMAL));
    }

    static final class FakeLine implements CallLine {
        final List<short[]> frames = new ArrayList<>();
        int hangUps;

        @Override public String callId() { return "call-1"; }
        @Override public String remoteParty() { return "audiosocket:201"; }
        @Override public String dialledNumber() { return ""; }
        @Override public void sendAudio(short[] frame) { frames.add(frame.clone()); }
        @Override public void hangUp() { hangUps++; }

        /** The prompt the last frame came from; 0 for silence. */
        int lastFrameFrom() {
            return frames.get(frames.size() - 1)[0];
        }
    }
}
