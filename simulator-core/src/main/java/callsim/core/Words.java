package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tokens of recognised speech and a forgiving notion of "the same word": recognisers drop endings,
 * swap a letter or spell British/American variants, so words match by stem or a small edit distance.
 */
final class Words {
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("i'm", "i am"), Map.entry("you're", "you are"), Map.entry("we're", "we are"),
            Map.entry("they're", "they are"), Map.entry("it's", "it is"), Map.entry("that's", "that is"),
            Map.entry("there's", "there is"), Map.entry("what's", "what is"), Map.entry("can't", "can not"),
            Map.entry("cannot", "can not"), Map.entry("don't", "do not"), Map.entry("doesn't", "does not"),
            Map.entry("didn't", "did not"), Map.entry("won't", "will not"), Map.entry("isn't", "is not"),
            Map.entry("wasn't", "was not"), Map.entry("i'll", "i will"), Map.entry("we'll", "we will"),
            Map.entry("you'll", "you will"), Map.entry("i'd", "i would"), Map.entry("you'd", "you would"),
            Map.entry("i've", "i have"), Map.entry("we've", "we have"), Map.entry("you've", "you have"),
            Map.entry("let's", "let us"), Map.entry("shouldn't", "should not"), Map.entry("couldn't", "could not"));

    static final Set<String> STOPWORDS = Set.of(
            "i", "you", "we", "it", "is", "am", "are", "was", "be", "the", "a", "an", "to", "for", "of", "on", "in",
            "and", "that", "this", "me", "my", "your", "our", "so", "really", "very", "just", "do", "will", "can",
            "would", "have", "has", "with", "at", "about", "there", "what", "how", "why", "let", "us");

    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nobody", "nothing");

    private static final Set<String> AMOUNTS = Set.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
            "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dollars", "dollar",
            "cents", "pounds", "euros");

    private Words() {}

    static boolean isNegation(String token) {
        return NEGATIONS.contains(token);
    }

    /** A negation that flips the phrase right after it ("not", "never"; a leading "no," usually does not). */
    static boolean negates(String token) {
        return token.equals("not") || token.equals("never");
    }

    /** Number words and currencies ("sixty four ninety nine", "thirty five dollars"). */
    static boolean isAmount(String token) {
        return AMOUNTS.contains(token) || token.chars().allMatch(Character::isDigit);
    }

    static List<String> tokens(String text) {
        String normal = AgentPhrases.normalise(text).replace('-', ' ');
        List<String> tokens = new ArrayList<>();
        for (String raw : normal.split(" ")) {
            if (raw.isEmpty()) continue;
            String expanded = CONTRACTIONS.get(raw);
            if (expanded != null) {
                tokens.addAll(List.of(expanded.split(" ")));
            } else {
                String bare = raw.replace("'", "");
                if (!bare.isEmpty()) tokens.add(bare);
            }
        }
        return tokens;
    }

    static boolean isContent(String token) {
        return !STOPWORDS.contains(token);
    }

    /** A crude English stem: enough to equate "frustrating", "frustrated" and "frustrate". */
    static String stem(String token) {
        String word = token.replace("ise", "ize").replace("our", "or");
        for (String suffix : new String[] {"ingly", "ations", "ation", "ing", "ies", "ied", "edly", "ed", "ly", "es", "s", "e", "y"}) {
            if (word.length() - suffix.length() >= 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) return true;
        if (a.length() < 4 || b.length() < 4) return false;
        // a negation is never its opposite a letter or two away: nothing/anything, nobody/anybody
        if (isNegation(a) != isNegation(b)) return false;
        if (stem(a).equals(stem(b))) return true;
        int shorter = Math.min(a.length(), b.length());
        // four-letter words one letter apart are usually different words: that/what, back/bank, call/calm
        if (shorter < 5) return false;
        int allowed = shorter >= 7 ? 2 : 1;
        return Math.abs(a.length() - b.length()) <= allowed && editDistance(a, b) <= allowed;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
