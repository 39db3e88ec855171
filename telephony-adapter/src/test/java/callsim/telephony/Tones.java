package callsim.telephony;

/** Test audio: sine frames and their loudness. */
final class Tones {
    private Tones() {}

    /** Frame {@code index} of a continuous sine tone at 8 kHz. */
    static short[] sineFrame(int index, double frequencyHz, double amplitude) {
        short[] frame = new short[CallLine.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            long n = (long) index * frame.length + i;
            frame[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * n / 8000.0));
        }
        return frame;
    }

    static double rms(short[] frame) {
        double sum = 0;
        for (short sample : frame) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / frame.length);
    }

    /** Energy at one frequency relative to the whole frame (Goertzel), near 1 for a pure tone. */
    static double toneShare(short[] frame, double frequencyHz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / 8000.0);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : frame) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        double total = 0;
        for (short sample : frame) {
            total += (double) sample * sample;
        }
        return total == 0 ? 0 : 2 * power / (frame.length * total);
    }
}
