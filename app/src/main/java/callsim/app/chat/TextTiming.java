package callsim.app.chat;

import callsim.speech.VoiceStyle;

/**
 * How long things take on the virtual line of a text drill. Caller lines last as long as the
 * caller's voice would take to say them (its words-per-minute rises with anger, as in
 * {@link VoiceStyle#forAnger}), plus a pause at each sentence or clause break; the agent's typed
 * turns are spoken at {@code agentWordsPerMinute}. All durations are whole 20 ms frames.
 *
 * @param agentWordsPerMinute how fast the agent's typed words are taken to be spoken
 * @param responseGapMs       the agent starts a reply this long after the caller's line ended
 * @param endOfTurnSilenceMs  silence after the agent's last word before the turn is complete (docs/metrics.md)
 * @param callerReplyDelayMs  from the caller's decision to speak to the first frame on the line (synthesis)
 * @param interruptAfterMs    an {@code /interrupt} starts this long into the caller's current line
 */
public record TextTiming(int agentWordsPerMinute, long responseGapMs, long endOfTurnSilenceMs,
                         long callerReplyDelayMs, long interruptAfterMs) {
    public static final long FRAME_MS = 20;
    private static final long SENTENCE_PAUSE_MS = 300;
    private static final long CLAUSE_PAUSE_MS = 120;

    public TextTiming {
        if (agentWordsPerMinute < 60 || agentWordsPerMinute > 400) {
            throw new IllegalArgumentException("agentWordsPerMinute must be 60-400, not " + agentWordsPerMinute);
        }
        if (responseGapMs < 0 || endOfTurnSilenceMs < 0 || callerReplyDelayMs < 0 || interruptAfterMs < 0) {
            throw new IllegalArgumentException("timings must not be negative");
        }
    }

    public static TextTiming defaults() {
        return new TextTiming(150, 600, 700, 200, 1_000);
    }

    /** How long the agent takes to say {@code text}: at least one word's worth. */
    public long agentSpeechMs(String text) {
        return frames(Math.max(1, words(text)) * 60_000L / agentWordsPerMinute);
    }

    /** How long the caller's voice takes to say {@code text} at {@code anger} (0-100). */
    public long callerSpeechMs(String text, int anger, float voicePitchHz) {
        float wordsPerMinute = VoiceStyle.forAnger(anger, voicePitchHz).rateWpm();
        long speech = (long) (Math.max(1, words(text)) * 60_000L / wordsPerMinute);
        return frames(speech + pauses(text));
    }

    /** Rounds up to whole frames, as the line sends audio. */
    public static long frames(long ms) {
        return (ms + FRAME_MS - 1) / FRAME_MS * FRAME_MS;
    }

    static int words(String text) {
        int count = 0;
        for (String token : text.trim().split("\\s+")) {
            if (token.chars().anyMatch(Character::isLetterOrDigit)) count++;
        }
        return count;
    }

    /** Pauses at breaks inside the line (not after its last word). */
    private static long pauses(String text) {
        String inner = text.strip().replaceAll("[.!?,;:]+$", "");
        long pause = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            boolean followedBySpace = i + 1 < inner.length() && Character.isWhitespace(inner.charAt(i + 1));
            if (!followedBySpace) continue;
            if (c == '.' || c == '!' || c == '?') pause += SENTENCE_PAUSE_MS;
            else if (c == ',' || c == ';' || c == ':') pause += CLAUSE_PAUSE_MS;
        }
        return pause;
    }
}
