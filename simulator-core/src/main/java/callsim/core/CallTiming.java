package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How long things take on a virtual line ({@link VirtualCall}): caller lines last as long as the
 * caller's voice takes to say them ({@link CallerPace}); the agent's words are spoken at
 * {@code agentWordsPerMinute}. All durations are whole 20 ms frames, as the line sends audio.
 *
 * @param agentWordsPerMinute how fast the agent's typed words are taken to be spoken
 * @param responseGapMs       the agent starts a reply this long after the caller's line ended
 * @param endOfTurnSilenceMs  silence after the agent's last word before the turn is complete (METRICS.md)
 * @param callerReplyDelayMs  from the caller's decision to speak to the first frame on the line (synthesis)
 * @param interruptAfterMs    an interruption starts this long into the caller's current line
 */
public record CallTiming(int agentWordsPerMinute, long responseGapMs, long endOfTurnSilenceMs,
                         long callerReplyDelayMs, long interruptAfterMs) {
    public static final long FRAME_MS = 20;

    public CallTiming {
        checkArgument(agentWordsPerMinute >= 60 && agentWordsPerMinute <= 400,
                "agentWordsPerMinute must be 60-400, not %s", agentWordsPerMinute);
        checkArgument(responseGapMs >= 0 && endOfTurnSilenceMs >= 0 && callerReplyDelayMs >= 0 && interruptAfterMs >= 0,
                "timings must not be negative");
    }

    public static CallTiming defaults() {
        return new CallTiming(150, 600, 700, 200, 1_000);
    }

    /** How long the agent takes to say {@code text}: at least one word's worth. */
    public long agentSpeechMs(String text) {
        return frames(Math.max(1, CallerPace.words(text)) * 60_000L / agentWordsPerMinute);
    }

    /** How long the caller's voice takes to say {@code text} at {@code anger} (0-100). */
    public long callerSpeechMs(String text, int anger) {
        return frames(CallerPace.speechMs(text, anger));
    }

    /** Rounds up to whole frames. */
    public static long frames(long ms) {
        return (ms + FRAME_MS - 1) / FRAME_MS * FRAME_MS;
    }
}
