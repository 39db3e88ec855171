package callsim.app.pipeline;

import callsim.core.Scenario;
import callsim.speech.CallerVoice;
import callsim.speech.RecognitionSession;
import callsim.speech.RecognizerPool;
import callsim.speech.SpeakerProfile;
import callsim.speech.TurnDetector;
import callsim.speech.VoiceStyle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The speech engines every call shares, loaded once at start-up: the caller's voice and the pool of
 * recognisers (each holds its own model copy, so never one per call).
 */
public final class SpeechServices implements AutoCloseable {
    private static final VoiceStyle DEBRIEF_VOICE = new VoiceStyle(165, 105, 6, 0.9f);
    private final CallerVoice voice;
    private final RecognizerPool recognizers;
    private final Function<SpeakerProfile, RecognitionSession> agentTurns;
    private final Executor synthesis;
    private final ExecutorService ownSynthesisThread;

    public SpeechServices(CallerVoice voice, RecognizerPool recognizers) {
        this.voice = voice;
        this.recognizers = recognizers;
        this.agentTurns = speaker -> recognizers.startTurn(speaker);
        // FreeTTS runs ~1000x real time, so one thread keeps synthesis off the audio clock for many calls.
        this.ownSynthesisThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "caller-voice");
            t.setDaemon(true);
            return t;
        });
        this.synthesis = ownSynthesisThread;
    }

    /**
     * A stand-in with no recognisers (the call-path warm-up): agent turns are heard by {@code agentTurns},
     * and caller lines are synthesised on {@code synthesis}.
     */
    SpeechServices(CallerVoice voice, Function<SpeakerProfile, RecognitionSession> agentTurns, Executor synthesis) {
        this.voice = voice;
        this.recognizers = null;
        this.agentTurns = agentTurns;
        this.synthesis = synthesis;
        this.ownSynthesisThread = null;
    }

    public RecognizerPool recognizers() {
        return recognizers;
    }

    public CallerVoice voice() {
        return voice;
    }

    /** Starts recognising one agent turn; never blocks (see {@link RecognizerPool#startTurn}). */
    RecognitionSession startTurn(SpeakerProfile speaker) {
        return agentTurns.apply(speaker);
    }

    /**
     * Before the first call: the caller's voice in a few styles, then a silent virtual drill through the
     * real pipeline ({@link CallPathWarmUp}), so neither the first drill's replies nor its 20 ms frames pay
     * for class loading and the JIT (measured: the first line synthesised took 400 ms, the next ones
     * 60-140 ms; the first drill's first tick 240 ms). Needs no recogniser: it runs while they load.
     *
     * @return the milliseconds it took
     */
    public static long warmUp(CallerVoice voice, Scenario scenario, TurnDetector.Settings turnDetection) {
        long started = System.nanoTime();
        for (int anger : new int[] {20, 60, 95}) {
            voice.speak8k("I was charged twice for the same order and nobody will help me.", VoiceStyle.forAnger(anger, 110));
        }
        voice.speak8k("Thank you for taking this call.", DEBRIEF_VOICE);
        CallPathWarmUp.run(voice, scenario, turnDetection);
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Synthesises a caller line for the phone line (8 kHz) off the audio thread. */
    CompletableFuture<short[]> speak(String text, int anger, float basePitchHz) {
        return CompletableFuture.supplyAsync(
                () -> voice.speak8k(text, VoiceStyle.forAnger(anger, basePitchHz)), synthesis);
    }

    /** The neutral voice that reads the end-of-drill debrief: clearly not the caller's. */
    CompletableFuture<short[]> speakDebrief(String text) {
        return CompletableFuture.supplyAsync(() -> voice.speak8k(text, DEBRIEF_VOICE), synthesis);
    }

    @Override
    public void close() {
        if (ownSynthesisThread != null) ownSynthesisThread.shutdownNow();
        if (recognizers != null) recognizers.close();
    }
}
