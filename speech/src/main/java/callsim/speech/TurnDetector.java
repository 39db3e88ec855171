package callsim.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns frame-level voice activity on the agent's line into speech segments and turns.
 *
 * <p>A segment starts once {@code onsetVoicedFrames} of the last {@code onsetWindowFrames} frames
 * are voiced (so a click does not count), stamped at the first voiced frame of that window. It
 * stops once {@code hangoverMs} pass without a voiced frame, so pauses between words do not split
 * it. A turn ends once {@code endOfTurnSilenceMs} pass after its last segment, or sooner or later when
 * whoever listens knows better from the words ({@link #endTurnNow}, {@link #holdTurnOpenUntil}). Not
 * thread-safe: feed it from one thread, frame by frame, in order.
 */
public final class TurnDetector {

    /**
     * @param hangoverMs         silence that ends a speech segment (docs/metrics.md: about 300 ms)
     * @param endOfTurnSilenceMs silence that ends a turn (docs/metrics.md: about 500-800 ms)
     * @param onsetWindowFrames  frames looked at to confirm an onset
     * @param onsetVoicedFrames  voiced frames among them needed to confirm it
     * @param vad                voice activity settings, including the sample rate
     */
    public record Settings(int hangoverMs, int endOfTurnSilenceMs, int onsetWindowFrames, int onsetVoicedFrames,
                           VoiceActivityDetector.Settings vad) {
        public Settings {
            if (hangoverMs < 0) throw new IllegalArgumentException("hangoverMs must not be negative: " + hangoverMs);
            if (endOfTurnSilenceMs < hangoverMs || endOfTurnSilenceMs > 10_000) {
                throw new IllegalArgumentException("endOfTurnSilenceMs must be between hangoverMs (" + hangoverMs
                        + ") and 10000, was " + endOfTurnSilenceMs);
            }
            if (onsetWindowFrames < 1 || onsetVoicedFrames < 1 || onsetVoicedFrames > onsetWindowFrames) {
                throw new IllegalArgumentException("need 1 <= onsetVoicedFrames (" + onsetVoicedFrames
                        + ") <= onsetWindowFrames (" + onsetWindowFrames + ")");
            }
            if (vad == null) throw new IllegalArgumentException("vad settings are null");
        }

        public static Settings defaults() {
            return new Settings(300, 700, 4, 3, VoiceActivityDetector.Settings.defaults());
        }

        public Settings withEndOfTurnSilenceMs(int ms) {
            return new Settings(hangoverMs, ms, onsetWindowFrames, onsetVoicedFrames, vad);
        }
    }

    private final Settings settings;
    private final VoiceActivityDetector vad;
    private static final long UNVOICED = Long.MIN_VALUE;
    /** Start times of recent frames, or UNVOICED; a ring of onsetWindowFrames. */
    private final long[] windowVoicedStarts;
    private int windowNext;
    private boolean speaking;
    private boolean inTurn;
    private long turnStartMs;
    private long lastVoicedEndMs;
    private long heldOpenUntilMs = Long.MIN_VALUE;

    public TurnDetector(Settings settings) {
        this.settings = settings;
        this.vad = new VoiceActivityDetector(settings.vad());
        this.windowVoicedStarts = new long[settings.onsetWindowFrames()];
        clearWindow();
    }

    /**
     * Takes the next frame of line audio starting at {@code frameStartMs} and returns what happened
     * (usually nothing; at most a turn end and a speech start).
     */
    public List<TurnEvent> accept(short[] frame, long frameStartMs) {
        boolean voiced = vad.isVoiced(frame);
        long frameEndMs = frameStartMs + frame.length * 1000L / settings.vad().sampleRate();
        List<TurnEvent> events = new ArrayList<>(2);
        if (speaking) {
            if (voiced) {
                lastVoicedEndMs = frameEndMs;
            } else if (frameEndMs - lastVoicedEndMs >= settings.hangoverMs()) {
                speaking = false;
                events.add(new TurnEvent.SpeechStopped(lastVoicedEndMs));
                clearWindow();
            }
            return events;
        }
        windowVoicedStarts[windowNext] = voiced ? frameStartMs : UNVOICED;
        windowNext = (windowNext + 1) % windowVoicedStarts.length;
        long turnDeadlineMs = Math.max(lastVoicedEndMs + settings.endOfTurnSilenceMs(), heldOpenUntilMs);
        if (voicedInWindow() >= settings.onsetVoicedFrames()) {
            heldOpenUntilMs = Long.MIN_VALUE; // a new pause gets its own decision
            long onsetMs = firstVoicedStartInWindow();
            if (inTurn && onsetMs >= turnDeadlineMs) endTurn(events);
            if (!inTurn) {
                inTurn = true;
                turnStartMs = onsetMs;
            }
            speaking = true;
            lastVoicedEndMs = frameEndMs;
            events.add(new TurnEvent.SpeechStarted(onsetMs));
            clearWindow();
        } else if (inTurn && frameEndMs >= turnDeadlineMs && firstVoicedStartInWindow() >= turnDeadlineMs) {
            // A pending onset that began before the deadline might still continue this turn.
            endTurn(events);
        }
        return events;
    }

    /**
     * Closes whatever is open as if the silence had run its course (the call went on hold or ended):
     * a segment in progress stops at its last voiced frame, and an open turn ends.
     */
    public List<TurnEvent> flush() {
        List<TurnEvent> events = new ArrayList<>(2);
        if (speaking) {
            speaking = false;
            events.add(new TurnEvent.SpeechStopped(lastVoicedEndMs));
        }
        if (inTurn) endTurn(events);
        clearWindow();
        return events;
    }

    /**
     * Ends the open turn at once, between its segments (its words sound finished): returns its
     * {@link TurnEvent.TurnEnded}, or nothing while a segment is in progress, an onset is pending, or no
     * turn is open.
     */
    public List<TurnEvent> endTurnNow() {
        List<TurnEvent> events = new ArrayList<>(1);
        if (inTurn && !speaking && voicedInWindow() == 0) endTurn(events);
        return events;
    }

    /**
     * Keeps the open turn from ending before {@code untilMs} although its end-of-turn silence may have
     * run by then (its words sound unfinished). Applies to the current pause only.
     */
    public void holdTurnOpenUntil(long untilMs) {
        if (inTurn && !speaking) heldOpenUntilMs = Math.max(heldOpenUntilMs, untilMs);
    }

    /** Media time of the open turn's last voiced frame. */
    public long lastVoicedEndMs() {
        return lastVoicedEndMs;
    }

    /** Forgets the current segment and turn without reporting them (e.g. the call goes on hold). */
    public void reset() {
        speaking = false;
        inTurn = false;
        heldOpenUntilMs = Long.MIN_VALUE;
        clearWindow();
    }

    /** Whether a speech segment is in progress (including its hangover). */
    public boolean isSpeaking() {
        return speaking;
    }

    /** Whether a turn has started and not yet ended. */
    public boolean isInTurn() {
        return inTurn;
    }

    /** The current noise floor estimate, dBFS, for diagnostics. */
    public double noiseFloorDbfs() {
        return vad.noiseFloorDbfs();
    }

    private void endTurn(List<TurnEvent> events) {
        events.add(new TurnEvent.TurnEnded(turnStartMs, lastVoicedEndMs));
        inTurn = false;
        heldOpenUntilMs = Long.MIN_VALUE;
    }

    private int voicedInWindow() {
        int count = 0;
        for (long start : windowVoicedStarts) if (start != UNVOICED) count++;
        return count;
    }

    private long firstVoicedStartInWindow() {
        long first = Long.MAX_VALUE;
        for (long start : windowVoicedStarts) if (start != UNVOICED) first = Math.min(first, start);
        return first;
    }

    private void clearWindow() {
        java.util.Arrays.fill(windowVoicedStarts, UNVOICED);
        windowNext = 0;
    }
}
