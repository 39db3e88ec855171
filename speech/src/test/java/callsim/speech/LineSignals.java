package callsim.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic phone-line audio for tests (8 kHz). */
final class LineSignals {
    static final int RATE = 8000;
    static final int FRAME = 160;

    private LineSignals() {}

    static int samples(long ms) {
        return (int) (ms * RATE / 1000);
    }

    /** Gaussian white noise at an RMS level in dBFS, reproducible from the seed. */
    static short[] whiteNoise(double dbfs, long ms, long seed) {
        Random random = new Random(seed);
        double rms = 32768 * Math.pow(10, dbfs / 20);
        short[] out = new short[samples(ms)];
        for (int i = 0; i < out.length; i++) out[i] = clip(random.nextGaussian() * rms);
        return out;
    }

    /**
     * A voice-like buzz: 150 Hz fundamental with harmonics whose loudness swings about 9 dB at a
     * syllable rate of 4 Hz, as speech does; RMS level in dBFS.
     */
    static short[] buzz(double dbfs, long ms) {
        double[] raw = new double[samples(ms)];
        double energy = 0;
        for (int i = 0; i < raw.length; i++) {
            double syllable = 0.35 + 0.65 * Math.abs(Math.sin(Math.PI * i / (RATE / 4.0)));
            for (int h = 1; h <= 8; h++) raw[i] += syllable * Math.sin(2 * Math.PI * 150 * h * i / RATE) / h;
            energy += raw[i] * raw[i];
        }
        double scale = 32768 * Math.pow(10, dbfs / 20) / Math.sqrt(energy / Math.max(1, raw.length));
        int fade = samples(5); // a 5 ms fade: real voices do not start or stop with a click
        short[] out = new short[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double edge = Math.min(1, Math.min(i, raw.length - 1 - i) / (double) fade);
            out[i] = clip(raw[i] * scale * edge);
        }
        return out;
    }

    /** Adds {@code part} into {@code line} starting at {@code atMs}. */
    static void mixIn(short[] line, short[] part, long atMs) {
        int offset = samples(atMs);
        for (int i = 0; i < part.length && offset + i < line.length; i++) line[offset + i] = clip(line[offset + i] + part[i]);
    }

    static short[] scale(short[] samples, double db) {
        double factor = Math.pow(10, db / 20);
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) out[i] = clip(samples[i] * factor);
        return out;
    }

    /** Passes audio through G.711 µ-law and back, as the phone line does. */
    static short[] viaMuLaw(short[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) out[i] = (short) WavFormat.muLaw(muLawEncode(samples[i]));
        return out;
    }

    /** ITU-T G.711 µ-law compression (test-side; the decoder under test is in WavFormat). */
    static byte muLawEncode(short sample) {
        int value = sample;
        int sign = value < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(value), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** Feeds the line through a detector in 20 ms frames starting at 0 ms and collects the events. */
    static List<TimedEvent> run(TurnDetector detector, short[] line) {
        List<TimedEvent> events = new ArrayList<>();
        for (int start = 0; start + FRAME <= line.length; start += FRAME) {
            long startMs = start * 1000L / RATE;
            for (TurnEvent event : detector.accept(java.util.Arrays.copyOfRange(line, start, start + FRAME), startMs)) {
                events.add(new TimedEvent(startMs + 20, event));
            }
        }
        return events;
    }

    /** An event and the line time at which it was reported (end of the frame that produced it). */
    record TimedEvent(long reportedAtMs, TurnEvent event) {}

    static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
