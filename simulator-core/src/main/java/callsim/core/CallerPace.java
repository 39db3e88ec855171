package callsim.core;

/**
 * How fast the caller talks: about 150 words a minute when calm, up to about 195 when furious, with
 * short pauses between sentences and clauses. The voice speaks at this rate and the text drill times
 * lines by it, so a line lasts as long on the virtual line as on the phone.
 */
public final class CallerPace {
    static final long SENTENCE_PAUSE_MS = 300;
    static final long CLAUSE_PAUSE_MS = 120;

    private CallerPace() {}

    /** Words a minute at anger 0-100. */
    public static float wordsPerMinute(int anger) {
        float a = Math.max(0, Math.min(100, anger)) / 100f;
        return 150 + 45 * a;
    }

    /** Silence between sentences at anger 0-100: a furious caller hardly draws breath. */
    public static long sentencePauseMs(int anger) {
        return anger >= AngerBand.FURIOUS.from() ? SENTENCE_PAUSE_MS * 2 / 3 : SENTENCE_PAUSE_MS;
    }

    /** How long saying {@code text} takes at {@code anger}: its words at the rate plus the pauses inside it. */
    public static long speechMs(String text, int anger) {
        long speech = (long) (Math.max(1, words(text)) * 60_000L / wordsPerMinute(anger));
        return speech + pausesMs(text, anger);
    }

    static int words(String text) {
        int count = 0;
        for (String token : text.trim().split("\\s+")) {
            if (token.chars().anyMatch(Character::isLetterOrDigit)) count++;
        }
        return count;
    }

    /** Pauses at breaks inside the line (not after its last word). */
    private static long pausesMs(String text, int anger) {
        String inner = text.strip().replaceAll("[.!?,;:]+$", "");
        long pause = 0;
        for (int i = 0; i + 1 < inner.length(); i++) {
            char c = inner.charAt(i);
            if (!Character.isWhitespace(inner.charAt(i + 1))) continue;
            if (c == '.' || c == '!' || c == '?') pause += sentencePauseMs(anger);
            else if (c == ',' || c == ';' || c == ':') pause += CLAUSE_PAUSE_MS;
        }
        return pause;
    }
}
