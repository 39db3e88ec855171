package callsim.app.pipeline;

import callsim.speech.CallerVoice;
import callsim.speech.RecognizerPool;
import callsim.speech.TurnDetector;
import callsim.speech.VoiceStyle;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The speech engines every call shares, loaded once at start-up: the caller's voice and the pool of
 * recognisers (each holds its own model copy, so never one per call).
 */
public final class SpeechServices implements AutoCloseable {
    private static final VoiceStyle DEBRIEF_VOICE = new VoiceStyle(165, 105, 6, 0.9f);
    private final CallerVoice voice;
    private final RecognizerPool recognizers;
    // FreeTTS runs ~1000x real time, so one thread keeps synthesis off the audio clock for many calls.
    private final ExecutorService synthesis = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "caller-voice");
        t.setDaemon(true);
        return t;
    });

    public SpeechServices(CallerVoice voice, RecognizerPool recognizers) {
        this.voice = voice;
        this.recognizers = recognizers;
    }

    public RecognizerPool recognizers() {
        return recognizers;
    }

    public CallerVoice voice() {
        return voice;
    }

    /**
     * Runs the caller's voice and the agent-side turn detection once over a few lines before the first
     * call, so the first drill's replies and frames are not the ones that pay for class loading and the
     * JIT (measured: the first line synthesised took 400 ms, the next ones 60-140 ms, on a busy machine).
     */
    public void warmUp() {
        TurnDetector detector = new TurnDetector(TurnDetector.Settings.defaults());
        long atMs = 0;
        for (int anger : new int[] {20, 60, 95}) {
            short[] line = voice.speak8k("I was charged twice for the same order and nobody will help me.",
                    VoiceStyle.forAnger(anger, 110));
            for (int from = 0; from + MediaClock.FRAME_SAMPLES <= line.length; from += MediaClock.FRAME_SAMPLES) {
                detector.accept(Arrays.copyOfRange(line, from, from + MediaClock.FRAME_SAMPLES), atMs);
                atMs += MediaClock.FRAME_MS;
            }
        }
        voice.speak8k("Thank you for taking this call.", DEBRIEF_VOICE);
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
        synthesis.shutdownNow();
        recognizers.close();
    }
}
