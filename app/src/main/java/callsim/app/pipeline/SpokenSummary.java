package callsim.app.pipeline;

import java.util.Arrays;

/**
 * Playback of the end-of-drill debrief: silence until its audio is synthesised, then 20 ms frames
 * until it ends or a key press skips it. Used on the media clock thread only.
 */
final class SpokenSummary {
    private static final short[] SILENCE = new short[MediaClock.FRAME_SAMPLES];
    private static final int MAX_WAIT_FRAMES = 250;  // 5 s for synthesis, then give up

    private short[] audio;
    private int position;
    private int waited;
    private boolean skipped;

    void ready(short[] samples) {
        audio = samples;
    }

    void skip() {
        skipped = true;
    }

    boolean skipped() {
        return skipped;
    }

    /** The next frame to send, or null when the debrief is over (played, skipped or never came). */
    short[] nextFrame() {
        if (skipped) return null;
        if (audio == null) return ++waited > MAX_WAIT_FRAMES ? null : SILENCE;
        if (position >= audio.length) return null;
        int end = Math.min(position + MediaClock.FRAME_SAMPLES, audio.length);
        short[] frame = Arrays.copyOf(Arrays.copyOfRange(audio, position, end), MediaClock.FRAME_SAMPLES);
        position = end;
        return frame;
    }
}
