package callsim.review.web;

import callsim.review.web.view.DrillPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word-level differences between what the caller heard live and what the agent said (the post-call transcript),
 * for a supervisor to see at a glance what the live recogniser got wrong: the longest common run of words is
 * shared, the rest is marked on each side. Words compare without case or punctuation ("Twice." is "twice").
 */
final class WordDiff {
    private WordDiff() {}

    /** The two sides marked: said words the caller did not hear, and heard words the agent did not say. */
    record Sides(List<DrillPage.Word> said, List<DrillPage.Word> heard) {
        boolean differ() {
            return said.stream().anyMatch(DrillPage.Word::changed) || heard.stream().anyMatch(DrillPage.Word::changed);
        }
    }

    static Sides of(String said, String heard) {
        String[] s = words(said);
        String[] h = words(heard);
        // lcs[i][j]: the longest common subsequence of s[i..] and h[j..]
        int[][] lcs = new int[s.length + 1][h.length + 1];
        for (int i = s.length - 1; i >= 0; i--) {
            for (int j = h.length - 1; j >= 0; j--) {
                lcs[i][j] = same(s[i], h[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<DrillPage.Word> saidWords = new ArrayList<>();
        List<DrillPage.Word> heardWords = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < s.length || j < h.length) {
            if (i < s.length && j < h.length && same(s[i], h[j])) {
                saidWords.add(new DrillPage.Word(s[i++], false));
                heardWords.add(new DrillPage.Word(h[j++], false));
            } else if (j == h.length || (i < s.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
                saidWords.add(new DrillPage.Word(s[i++], true));
            } else {
                heardWords.add(new DrillPage.Word(h[j++], true));
            }
        }
        return new Sides(saidWords, heardWords);
    }

    private static String[] words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? new String[0] : Arrays.stream(trimmed.split("\\s+")).toArray(String[]::new);
    }

    private static boolean same(String a, String b) {
        return plain(a).equals(plain(b));
    }

    private static String plain(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']", "");
    }
}
