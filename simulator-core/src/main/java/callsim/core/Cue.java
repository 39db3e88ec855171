package callsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One phrase variant to listen for, matched forgivingly: its words must appear in order with at most
 * two stray words between them (amounts aside, see {@link #find}), each word may be misrecognised (see {@link Heard#heardAs}), and a
 * longer phrase may miss a word or two. Words written with a leading '*' are key words and must be
 * heard (in some form); without key words at least one content word must be heard. A three-word
 * phrase may miss only its first word (the recogniser often drops a sentence's opener; a missing
 * middle or last word would let "may i have" fire on "may have"). For recognised speech a word may
 * also be heard as a run of words that sounds like it (see {@link SoundsLike}).
 */
final class Cue {
    private static final int MAX_GAP = 2;

    private final String phrase;
    private final List<String> tokens = new ArrayList<>();
    private final List<Boolean> key = new ArrayList<>();

    Cue(String pattern) {
        for (String word : pattern.trim().split("\\s+")) {
            boolean isKey = word.startsWith("*");
            for (String token : Words.tokens(isKey ? word.substring(1) : word)) {
                tokens.add(token);
                key.add(isKey);
            }
        }
        if (tokens.isEmpty()) throw new IllegalArgumentException("empty cue '" + pattern + "'");
        this.phrase = String.join(" ", tokens);
    }

    /** The phrase as an agent would say it (key markers removed). */
    String phrase() {
        return phrase;
    }

    boolean matches(Heard heard) {
        for (int start = 0; start < heard.tokens().size(); start++) {
            if (matchesFrom(heard, start)) return true;
        }
        return false;
    }

    private int allowedMissing() {
        int n = tokens.size();
        return n <= 2 ? 0 : n <= 5 ? 1 : 2;
    }

    private boolean matchesFrom(Heard heard, int start) {
        if (start > 0 && Words.negates(heard.tokens().get(start - 1))) return false; // "I do not understand how"
        int position = start;
        int missing = 0;
        boolean contentHeard = false;
        boolean anyKey = key.contains(true);
        boolean firstMatched = false;
        for (int k = 0; k < tokens.size(); k++) {
            long found = find(tokens.get(k), heard, position, firstMatched);
            if (found < 0) {
                if (key.get(k) || ++missing > allowedMissing()) return false;
                if (tokens.size() == 3 && k != 0) return false;
                continue;
            }
            firstMatched = true;
            contentHeard |= Words.isContent(tokens.get(k));
            position = (int) (found >> 32) + (int) found;
        }
        return firstMatched && (anyKey || contentHeard);
    }

    /**
     * Where {@code token} is heard from {@code position} on — at it exactly for a phrase's first word,
     * else after at most MAX_GAP stray words — as (index << 32 | words it took), or -1. Amounts do not
     * count as stray ("charged sixty four ninety nine twice" restates "charged twice"), and a negation
     * ends the search ("you should not have had to wait" is not "you should have").
     */
    private static long find(String token, Heard heard, int position, boolean firstMatched) {
        int strays = 0;
        List<String> words = heard.tokens();
        for (int j = position; j < words.size(); j++) {
            String word = words.get(j);
            int taken = heard.heardAs(token, j);
            if (taken > 0) return ((long) j << 32) | taken;
            if (!firstMatched || Words.isNegation(word)) return -1;
            if (!Words.isAmount(word) && ++strays > MAX_GAP) return -1;
        }
        return -1;
    }

    @Override
    public String toString() {
        return phrase;
    }
}
