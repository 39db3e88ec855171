package callsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One phrase variant to listen for, matched forgivingly: its words must appear in order with at most
 * two stray words between them (amounts aside, see {@link #find}), each word may be misrecognised (see {@link Words#similar}), and a
 * longer phrase may miss a word or two. Words written with a leading '*' are key words and must be
 * heard (in some form); without key words at least one content word must be heard. A three-word
 * phrase may miss only its first word (the recogniser often drops a sentence's opener; a missing
 * middle or last word would let "may i have" fire on "may have"). Failing that, a long enough cue
 * may match on sound (see {@link SoundsLike}).
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
        List<String> words = heard.tokens();
        for (int start = 0; start < words.size(); start++) {
            if (matchesFrom(words, start)) return true;
        }
        return heard.soundsLike(tokens);
    }

    private int allowedMissing() {
        int n = tokens.size();
        return n <= 2 ? 0 : n <= 5 ? 1 : 2;
    }

    private boolean matchesFrom(List<String> heard, int start) {
        int position = start;
        int missing = 0;
        boolean contentHeard = false;
        boolean anyKey = key.contains(true);
        boolean firstMatched = false;
        for (int k = 0; k < tokens.size(); k++) {
            int found = find(tokens.get(k), heard, position, firstMatched);
            if (found < 0) {
                if (key.get(k) || ++missing > allowedMissing()) return false;
                if (tokens.size() == 3 && k != 0) return false;
                continue;
            }
            firstMatched = true;
            contentHeard |= Words.isContent(tokens.get(k));
            position = found + 1;
        }
        return firstMatched && (anyKey || contentHeard);
    }

    /**
     * Where {@code token} is heard from {@code position} on: at it exactly for a phrase's first word,
     * else after at most MAX_GAP stray words. Amounts do not count as stray ("charged sixty four ninety
     * nine twice" restates "charged twice"), and a negation ends the search ("you should not have had
     * to wait" is not "you should have").
     */
    private static int find(String token, List<String> heard, int position, boolean firstMatched) {
        int strays = 0;
        for (int j = position; j < heard.size(); j++) {
            String word = heard.get(j);
            if (Words.similar(token, word)) return j;
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
