package callsim.app.pipeline;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * The caller's outgoing audio: utterances queued in order and cut into 20 ms frames. Silence is sent
 * between utterances so the line keeps its clock. Used by one thread (the media clock) only.
 */
final class CallerPlayout {
    static final int FRAME_SAMPLES = 160;
    private static final short[] SILENCE = new short[FRAME_SAMPLES];

    record Utterance(int id, short[] samples) {
        long plannedMs() {
            return (long) samples.length * MediaClock.FRAME_MS / FRAME_SAMPLES;
        }
    }

    /** What happened to the utterance stream on this frame. */
    record FrameResult(short[] frame, Optional<Utterance> started, Optional<Utterance> finished) {}

    private final ArrayDeque<Utterance> queue = new ArrayDeque<>();
    private Utterance current;
    private int position;

    void enqueue(Utterance utterance) {
        queue.add(utterance);
    }

    boolean speaking() {
        return current != null;
    }

    boolean idle() {
        return current == null && queue.isEmpty();
    }

    Optional<Utterance> current() {
        return Optional.ofNullable(current);
    }

    /** Stops the utterance in progress (the caller yields); returns it if one was playing. */
    Optional<Utterance> cut(int utteranceId) {
        if (current == null || current.id() != utteranceId) {
            queue.removeIf(u -> u.id() == utteranceId);
            return Optional.empty();
        }
        Utterance cut = current;
        current = null;
        return Optional.of(cut);
    }

    /** Drops everything queued and playing (hang-up, hold). Returns the one that was playing. */
    Optional<Utterance> clear() {
        queue.clear();
        Utterance was = current;
        current = null;
        return Optional.ofNullable(was);
    }

    FrameResult nextFrame() {
        Optional<Utterance> started = Optional.empty();
        if (current == null) {
            if (queue.isEmpty()) return new FrameResult(SILENCE, Optional.empty(), Optional.empty());
            current = queue.poll();
            position = 0;
            started = Optional.of(current);
        }
        short[] samples = current.samples();
        int end = Math.min(position + FRAME_SAMPLES, samples.length);
        short[] frame = Arrays.copyOf(Arrays.copyOfRange(samples, position, end), FRAME_SAMPLES);
        position = end;
        Optional<Utterance> finished = Optional.empty();
        if (position >= samples.length) {
            finished = Optional.of(current);
            current = null;
        }
        return new FrameResult(frame, started, finished);
    }
}
