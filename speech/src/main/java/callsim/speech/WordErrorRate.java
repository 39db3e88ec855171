package callsim.speech;

import java.util.List;

/**
 * Word errors (substitutions, insertions, deletions: word-level Levenshtein distance) of a recognised
 * text against what was said; divided by the reference length it is the word error rate. Shared by
 * the recogniser's tests and the recognition benchmark so both count errors the same way.
 */
public final class WordErrorRate {
    private WordErrorRate() {
    }

    public static int errors(List<String> reference, List<String> hypothesis) {
        int[] previous = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) previous[j] = j;
        for (int i = 1; i <= reference.size(); i++) {
            int[] current = new int[hypothesis.size() + 1];
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[hypothesis.size()];
    }
}
