package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.DrillSession;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.CallerVoice;
import callsim.speech.RecognitionSession;
import callsim.speech.RecognizedTurn;
import callsim.speech.TurnDetector;
import callsim.telephony.CallLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When the pipeline ends an agent turn whose words are too few to tell ("good morning"): at the 450 ms pause
 * when the voice fell at the end, after the usual 700 ms end-of-turn silence when it stayed level. Media time
 * only: the pipeline is ticked by hand, frame by frame.
 */
class DrillPipelineTurnEndTest {
    private static final int RATE = 8000;
    private static CallerVoice voice;

    @BeforeAll
    static void loadVoice() {
        voice = CallerVoice.load();
    }

    @Test
    void aFallingVoiceEndsTheTurnAtTheShortPause() {
        long pause = pauseBeforeTheTurnEnded(glide(200, -10, 0.8));
        assertThat(pause).isBetween(450L, 500L);
    }

    @Test
    void aLevelVoiceWaitsTheUsualEndOfTurnSilence() {
        long pause = pauseBeforeTheTurnEnded(glide(150, 0, 0.8));
        assertThat(pause).isBetween(700L, 760L);
    }

    /** The agent says "good morning" as {@code speech} after 1 s of quiet; the media time from its end to its turn's words. */
    private static long pauseBeforeTheTurnEnded(short[] speech) {
        Scenario scenario = ScenarioLibrary.builtIn().get("double-charge");
        SpeechServices services = new SpeechServices(voice, speaker -> new Heard("good morning"), Runnable::run);
        List<DrillEvent> events = new ArrayList<>();
        DrillPipeline pipeline = new DrillPipeline("t", new Line(), new DrillSession(scenario, Difficulty.NORMAL, 7L),
                scenario, services, new Journal(events), new TurnDetector(TurnDetector.Settings.defaults()), done -> { });
        short[] agent = new short[RATE + speech.length + 3 * RATE];
        System.arraycopy(speech, 0, agent, RATE, speech.length);
        for (int at = 0; at + 160 <= agent.length; at += 160) {
            pipeline.onAudio(Arrays.copyOfRange(agent, at, at + 160));
            pipeline.tick();
        }
        DrillEvent.AgentTurn turn = events.stream().filter(e -> e instanceof DrillEvent.AgentTurn)
                .map(e -> (DrillEvent.AgentTurn) e).findFirst().orElseThrow();
        assertThat(turn.words()).isEqualTo("good morning");
        return turn.atMs() - turn.endMs();
    }

    /** A voiced sound whose pitch moves {@code semitones} over {@code seconds}, with harmonics and a syllable-like swing. */
    private static short[] glide(double startHz, double semitones, double seconds) {
        short[] out = new short[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) RATE;
            phase += 2 * Math.PI * startHz * Math.pow(2, semitones * t / seconds / 12) / RATE;
            double v = 0;
            for (int h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
            out[i] = (short) (5000 * (0.6 + 0.4 * Math.abs(Math.sin(Math.PI * 4 * t))) * v);
        }
        return out;
    }

    private record Heard(String words) implements RecognitionSession {
        @Override public void feed(short[] pcm8k) { }
        @Override public CompletableFuture<RecognizedTurn> finish() {
            return CompletableFuture.completedFuture(new RecognizedTurn(words, 0.9));
        }
        @Override public void cancel() { }
    }

    private record Journal(List<DrillEvent> events) implements DrillJournal {
        @Override public void audio(short[] callerFrame, short[] agentFrame) { }
        @Override public void event(DrillEvent event) { events.add(event); }
        @Override public void action(long atMs, CallerAction action) { }
        @Override public void snapshot(DrillRecord record, boolean complete) { }
        @Override public void close(DrillRecord finalRecord, boolean complete) { }
    }

    private static final class Line implements CallLine {
        @Override public String callId() { return "t"; }
        @Override public String remoteParty() { return "t"; }
        @Override public String dialledNumber() { return ""; }
        @Override public void sendAudio(short[] frame) { }
        @Override public void hangUp() { }
    }
}
