package callsim.core;

/**
 * How fast the caller talks, the short pauses between sentences and clauses included: about 150
 * words a minute when calm, 170 when angry, up to 195 when furious. The voice speaks at this rate
 * and the text drill times lines by it, so a line lasts about as long on the virtual line as on the phone.
 */
public final class CallerPace {
    private CallerPace() {}

    /** Words a minute at anger 0-100. */
    public static float wordsPerMinute(int anger) {
        float a = Math.max(0, Math.min(100, anger)) / 100f;
        return 150 + 45 * a;
    }

    /** How long saying {@code text} takes at {@code anger}. */
    public static long speechMs(String text, int anger) {
        return (long) (Math.max(1, words(text)) * 60_000L / wordsPerMinute(anger));
    }

    static int words(String text) {
        int count = 0;
        for (String token : text.trim().split("\\s+")) {
            if (token.chars().anyMatch(Character::isLetterOrDigit)) count++;
        }
        return count;
    }
}
