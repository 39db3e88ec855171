package callsim.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.Arrays;

/**
 * The simulated caller's voice: FreeTTS 1.2.2 "kevin16" rendered into memory.
 *
 * <p>The voice is allocated once (≈ 0.3 s) and reused. A FreeTTS {@link Voice} is not thread-safe,
 * so {@link #speak16k} and {@link #speak8k} are synchronized; synthesis runs at roughly 1000× real
 * time, so callers hardly ever wait on the lock.
 */
public final class CallerVoice {
    private static final System.Logger LOG = System.getLogger(CallerVoice.class.getName());
    private static final String VOICE_NAME = "kevin16";
    private static final Object ALLOCATION_LOCK = new Object();
    public static final int NATIVE_RATE = 16_000;
    public static final int LINE_RATE = 8_000;
    /** Leading or trailing silence kept at most, in milliseconds. */
    private static final int MAX_EDGE_SILENCE_MS = 100;
    /** A 5 ms window quieter than this RMS (-45 dBFS) counts as silence when trimming the edges. */
    private static final int SILENCE_RMS = 184;

    private final Voice voice;
    private final MemoryAudioPlayer player = new MemoryAudioPlayer();

    private CallerVoice(Voice voice) {
        this.voice = voice;
        voice.setAudioPlayer(player);
    }

    /**
     * Finds and allocates the kevin16 voice. The voice directory is registered by instantiating it
     * directly, so no system property has to be set.
     *
     * @throws IllegalStateException if FreeTTS or its kevin16 voice is not on the class path
     */
    public static CallerVoice load() {
        // FreeTTS's lexicon loading shares static tables: two voices allocated at once in one JVM (two
        // servers starting in parallel) corrupt them (IndexOutOfBounds in LetterToSoundImpl.loadBinary).
        synchronized (ALLOCATION_LOCK) {
            return loadAlone();
        }
    }

    private static CallerVoice loadAlone() {
        Voice[] voices;
        try {
            voices = new KevinVoiceDirectory().getVoices();
        } catch (LinkageError e) {
            throw new IllegalStateException("FreeTTS voice directory " + KevinVoiceDirectory.class.getName()
                    + " cannot be loaded; is freetts 1.2.2 on the class path?", e);
        }
        for (Voice candidate : voices) {
            if (VOICE_NAME.equals(candidate.getName())) {
                long start = System.nanoTime();
                candidate.allocate();
                LOG.log(System.Logger.Level.DEBUG, "FreeTTS {0} allocated in {1} ms",
                        VOICE_NAME, (System.nanoTime() - start) / 1_000_000);
                return new CallerVoice(candidate);
            }
        }
        throw new IllegalStateException("FreeTTS voice " + VOICE_NAME + " not found in "
                + KevinVoiceDirectory.class.getName() + " (the cmu_us_kal16 data may be missing from the jar)");
    }

    /** Speaks {@code text} as 8 kHz 16-bit mono PCM for the phone line. */
    public synchronized short[] speak8k(String text, VoiceStyle style) {
        short[] native16k = synthesize(text, style);
        return applyGain(Resampler.resample(native16k, NATIVE_RATE, LINE_RATE), style.gain());
    }

    /** Speaks {@code text} as 16 kHz 16-bit mono PCM (FreeTTS's native rate). */
    public synchronized short[] speak16k(String text, VoiceStyle style) {
        return applyGain(synthesize(text, style), style.gain());
    }

    private short[] synthesize(String text, VoiceStyle style) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("nothing to speak: text is blank");
        if (style == null) throw new IllegalArgumentException("voice style is null");
        voice.setRate(style.rateWpm());
        voice.setPitch(style.pitchHz());
        voice.setPitchRange(style.pitchRange());
        player.clear();
        if (!voice.speak(text)) throw new IllegalStateException("FreeTTS failed to speak: " + text);
        short[] samples = player.samples();
        if (player.sampleRate() != NATIVE_RATE) samples = Resampler.resample(samples, player.sampleRate(), NATIVE_RATE);
        return trimEdges(samples, NATIVE_RATE);
    }

    /**
     * Cuts leading and trailing silence down to {@link #MAX_EDGE_SILENCE_MS}. FreeTTS pads each
     * utterance with low-level pause noise (about -50 dBFS), so silence is judged on 5 ms windows
     * rather than single samples; the margin kept before the first loud window means the (quieter)
     * speech onset itself is never cut.
     */
    static short[] trimEdges(short[] samples, int sampleRate) {
        int window = sampleRate / 200;
        int windows = samples.length / window;
        int firstLoud = -1;
        int lastLoud = -1;
        for (int w = 0; w < windows; w++) {
            if (isLoud(samples, w * window, window)) {
                if (firstLoud < 0) firstLoud = w;
                lastLoud = w;
            }
        }
        if (firstLoud < 0) return samples; // nothing but silence: nothing sensible to trim to
        int margin = MAX_EDGE_SILENCE_MS * sampleRate / 1000;
        int from = Math.max(0, firstLoud * window - margin);
        int to = Math.min(samples.length, (lastLoud + 1) * window + margin);
        if (from == 0 && to == samples.length) return samples;
        return Arrays.copyOfRange(samples, from, to);
    }

    private static boolean isLoud(short[] samples, int from, int length) {
        double energy = 0;
        for (int i = from; i < from + length; i++) energy += (double) samples[i] * samples[i];
        return energy / length > (double) SILENCE_RMS * SILENCE_RMS;
    }

    static short[] applyGain(short[] samples, float gain) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            float scaled = samples[i] * gain;
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(scaled)));
        }
        return out;
    }
}
