package callsim.app.pipeline;

import callsim.speech.CallerVoice;
import callsim.speech.RecognizerPool;
import callsim.speech.VoiceStyle;
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
