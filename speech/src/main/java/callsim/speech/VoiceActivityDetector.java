package callsim.speech;

/**
 * Frame-by-frame voice activity on line audio (8 kHz, 20 ms frames by default), by energy against
 * an adaptive noise floor.
 *
 * <p>A frame is voiced when its level (after an 80 Hz high-pass that removes DC and hum) is both
 * {@code thresholdAboveFloorDb} over the noise floor and above {@code minSpeechDbfs}; right after a
 * voiced frame a lower margin ({@code continueAboveFloorDb}) suffices, so soft word endings stay. The absolute
 * minimum keeps G.711 idle-channel noise and softphone comfort noise (typically -60 to -75 dBFS)
 * from ever counting as speech. The floor drops at once to any quieter frame and creeps up slowly
 * otherwise, starting from the first frame's level; when the level has been stationary (spread under {@code stationarySpreadDb} for
 * {@code stationaryMs}) the floor jumps up to it, because steady noise does that and speech, whose
 * level swings with every syllable, does not. Allocation-free per frame; not thread-safe.
 */
public final class VoiceActivityDetector {

    /**
     * @param sampleRate            samples per second of the audio
     * @param thresholdAboveFloorDb how far over the noise floor a frame must be to start voice
     * @param continueAboveFloorDb  how far over it a frame right after a voiced one must be to
     *                              continue voice (hysteresis: soft word endings are kept)
     * @param minSpeechDbfs         a frame quieter than this never starts voice (and one more than
     *                              the hysteresis below it never continues it)
     * @param floorRiseDbPerSecond  how fast the floor creeps up under louder frames
     * @param lowestFloorDbfs       the floor never drops below this (digital silence is not a floor)
     * @param stationaryMs          how long a steady level must last to be taken as noise
     * @param stationarySpreadDb    how steady (max - min level) counts as stationary
     */
    public record Settings(int sampleRate, double thresholdAboveFloorDb, double continueAboveFloorDb, double minSpeechDbfs,
                           double floorRiseDbPerSecond, double lowestFloorDbfs, int stationaryMs,
                           double stationarySpreadDb) {
        public Settings {
            if (sampleRate < 4000) throw new IllegalArgumentException("sample rate too low: " + sampleRate);
            if (thresholdAboveFloorDb <= 0) throw new IllegalArgumentException("thresholdAboveFloorDb must be positive");
            if (continueAboveFloorDb <= 0 || continueAboveFloorDb > thresholdAboveFloorDb) {
                throw new IllegalArgumentException("continueAboveFloorDb must be in (0, thresholdAboveFloorDb]");
            }
            if (floorRiseDbPerSecond < 0) throw new IllegalArgumentException("floorRiseDbPerSecond must not be negative");
            if (stationaryMs < 100) throw new IllegalArgumentException("stationaryMs must be at least 100");
        }

        public static Settings defaults() {
            return new Settings(8000, 10, 6, -50, 5, -70, 1000, 4);
        }
    }

    private static final double HIGH_PASS_HZ = 80;
    private static final double SILENCE_DBFS = -100;
    private static final int MAX_STATIONARY_FRAMES = 200;

    private final Settings settings;
    private final double highPassPole;
    private double previousInput;
    private double previousOutput;
    private double noiseFloorDbfs;
    private double lastLevelDbfs = SILENCE_DBFS;
    /** Recent frame levels, for the stationarity test. */
    private final double[] recentLevels = new double[MAX_STATIONARY_FRAMES];
    private int recentCount;
    private int recentNext;
    private boolean heardAnything;
    private boolean previousVoiced;

    public VoiceActivityDetector(Settings settings) {
        this.settings = settings;
        this.highPassPole = Math.exp(-2 * Math.PI * HIGH_PASS_HZ / settings.sampleRate());
        reset();
    }

    /** Classifies one frame and updates the noise floor. */
    public boolean isVoiced(short[] frame) {
        if (frame.length == 0) throw new IllegalArgumentException("empty audio frame");
        double level = level(frame);
        lastLevelDbfs = level;
        if (!heardAnything) {
            // A line almost always opens on background noise, rarely on speech: start the floor there.
            heardAnything = true;
            noiseFloorDbfs = Math.max(level, settings.lowestFloorDbfs());
        }
        double margin = previousVoiced ? settings.continueAboveFloorDb() : settings.thresholdAboveFloorDb();
        double hysteresis = settings.thresholdAboveFloorDb() - margin;
        boolean voiced = level >= noiseFloorDbfs + margin && level >= settings.minSpeechDbfs() - hysteresis;
        previousVoiced = voiced;
        updateFloor(level, 1000.0 * frame.length / settings.sampleRate());
        return voiced;
    }

    /** Level of the last frame, dBFS (RMS, after the high-pass). */
    public double lastLevelDbfs() {
        return lastLevelDbfs;
    }

    public double noiseFloorDbfs() {
        return noiseFloorDbfs;
    }

    /** Forgets everything learnt about the line. */
    public void reset() {
        noiseFloorDbfs = settings.lowestFloorDbfs();
        previousInput = 0;
        previousOutput = 0;
        recentCount = 0;
        recentNext = 0;
        heardAnything = false;
        previousVoiced = false;
    }

    private double level(short[] frame) {
        double energy = 0;
        for (short sample : frame) {
            // One-pole DC blocker: y[n] = x[n] - x[n-1] + p * y[n-1]
            double output = sample - previousInput + highPassPole * previousOutput;
            previousInput = sample;
            previousOutput = output;
            energy += output * output;
        }
        double meanSquare = energy / frame.length / (32768.0 * 32768.0);
        return meanSquare <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 10 * Math.log10(meanSquare));
    }

    private void updateFloor(double level, double frameMs) {
        int window = (int) Math.min(MAX_STATIONARY_FRAMES, Math.max(2, Math.round(settings.stationaryMs() / frameMs)));
        recentLevels[recentNext] = level;
        recentNext = (recentNext + 1) % window;
        recentCount = Math.min(recentCount + 1, window);

        if (level < noiseFloorDbfs) {
            noiseFloorDbfs = Math.max(level, settings.lowestFloorDbfs());
            return;
        }
        noiseFloorDbfs = Math.min(level, noiseFloorDbfs + settings.floorRiseDbPerSecond() * frameMs / 1000);
        if (recentCount == window) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < window; i++) {
                min = Math.min(min, recentLevels[i]);
                max = Math.max(max, recentLevels[i]);
            }
            if (max - min < settings.stationarySpreadDb()) noiseFloorDbfs = Math.max(noiseFloorDbfs, min);
        }
    }
}
