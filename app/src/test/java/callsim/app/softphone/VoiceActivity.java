package callsim.app.softphone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a recording holds sound: 20 ms frames whose RMS is above a threshold, merged into segments
 * across short gaps (the pauses between words).
 */
public final class VoiceActivity {
    /** About -36 dBFS: far above linphone's idle noise (RMS 0..3), below quiet speech. */
    public static final int DEFAULT_THRESHOLD_RMS = 500;
    private static final Duration FRAME = Duration.ofMillis(20);
    private static final Duration BRIDGED_GAP = Duration.ofMillis(300);

    /** A stretch of sound, as offsets from the start of the recording. */
    public record Segment(Duration start, Duration end) {
        public Duration length() {
            return end.minus(start);
        }
    }

    private final Wav wav;
    private final boolean[] voicedFrames;
    private final int frameSamples;

    public VoiceActivity(Wav wav, int thresholdRms) {
        this.wav = wav;
        this.frameSamples = (int) (wav.sampleRate() * FRAME.toMillis() / 1000);
        this.voicedFrames = new boolean[wav.samples().length / frameSamples];
        for (int frame = 0; frame < voicedFrames.length; frame++) {
            voicedFrames[frame] = rms(frame * frameSamples, frameSamples) > thresholdRms;
        }
    }

    public VoiceActivity(Wav wav) {
        this(wav, DEFAULT_THRESHOLD_RMS);
    }

    /** Total time of voiced frames between two offsets of the recording. */
    public Duration voiced(Duration from, Duration to) {
        int first = frameAt(from);
        int last = Math.min(voicedFrames.length, frameAt(to));
        long count = 0;
        for (int frame = first; frame < last; frame++) {
            if (voicedFrames[frame]) {
                count++;
            }
        }
        return FRAME.multipliedBy(count);
    }

    public Duration voiced() {
        return voiced(Duration.ZERO, wav.duration());
    }

    public Optional<Duration> firstVoiced() {
        List<Segment> all = segments();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).start());
    }

    /** Voiced stretches, gaps shorter than 300 ms bridged. */
    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        int bridged = (int) (BRIDGED_GAP.toMillis() / FRAME.toMillis());
        int start = -1;
        int lastVoiced = -1;
        for (int frame = 0; frame < voicedFrames.length; frame++) {
            if (!voicedFrames[frame]) {
                continue;
            }
            if (start >= 0 && frame - lastVoiced > bridged) {
                segments.add(new Segment(FRAME.multipliedBy(start), FRAME.multipliedBy(lastVoiced + 1)));
                start = -1;
            }
            if (start < 0) {
                start = frame;
            }
            lastVoiced = frame;
        }
        if (start >= 0) {
            segments.add(new Segment(FRAME.multipliedBy(start), FRAME.multipliedBy(lastVoiced + 1)));
        }
        return segments;
    }

    /** Per-frame RMS over the whole recording, e.g. to compare loudness envelopes. */
    public double[] frameRms() {
        double[] out = new double[voicedFrames.length];
        for (int frame = 0; frame < out.length; frame++) {
            out[frame] = rms(frame * frameSamples, frameSamples);
        }
        return out;
    }

    private int frameAt(Duration offset) {
        return (int) Math.max(0, offset.toMillis() / FRAME.toMillis());
    }

    private double rms(int from, int count) {
        short[] samples = wav.samples();
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / count);
    }
}
