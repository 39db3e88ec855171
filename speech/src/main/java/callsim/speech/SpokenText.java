package callsim.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns written text into the words a speaker would say, spelled as the CMU pronunciation
 * dictionary spells them: lower case, punctuation stripped, apostrophes kept inside words
 * ("i'm", "don't"), simple numbers, amounts, times and ordinals spelled out. Used for the
 * language-model corpus and for comparing transcripts with reference text.
 */
public final class SpokenText {
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final Map<String, String> ORDINAL_OF_ONES = Map.ofEntries(
        Map.entry("one", "first"), Map.entry("two", "second"), Map.entry("three", "third"),
        Map.entry("four", "fourth"), Map.entry("five", "fifth"), Map.entry("six", "sixth"),
        Map.entry("seven", "seventh"), Map.entry("eight", "eighth"), Map.entry("nine", "ninth"),
        Map.entry("ten", "tenth"), Map.entry("eleven", "eleventh"), Map.entry("twelve", "twelfth"),
        Map.entry("thirteen", "thirteenth"), Map.entry("fourteen", "fourteenth"),
        Map.entry("fifteen", "fifteenth"), Map.entry("sixteen", "sixteenth"),
        Map.entry("seventeen", "seventeenth"), Map.entry("eighteen", "eighteenth"),
        Map.entry("nineteen", "nineteenth"), Map.entry("twenty", "twentieth"), Map.entry("thirty", "thirtieth"),
        Map.entry("forty", "fortieth"), Map.entry("fifty", "fiftieth"), Map.entry("sixty", "sixtieth"),
        Map.entry("seventy", "seventieth"), Map.entry("eighty", "eightieth"), Map.entry("ninety", "ninetieth"),
        Map.entry("hundred", "hundredth"), Map.entry("thousand", "thousandth"));
    /** Spellings people write that the dictionary lists differently. */
    private static final Map<String, String> SPELLING = Map.of(
        "mm-hm", "mhm", "mm-hmm", "mhm", "mmhm", "mhm", "mmhmm", "mhm", "mhmm", "mhm", "ok", "okay");

    private static final Pattern MONEY = Pattern.compile("\\$(\\d{1,4})(?:\\.(\\d{2}))?");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,4})(st|nd|rd|th)\\b");
    private static final Pattern DECIMAL = Pattern.compile("\\b(\\d{1,4})\\.(\\d+)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NOT_WORD_CHAR = Pattern.compile("[^a-z0-9'\\- ]");

    private SpokenText() {
    }

    /** The spoken words of {@code text}, in order; empty for blank text. */
    public static List<String> words(String text) {
        if (text == null) throw new IllegalArgumentException("text must not be null");
        String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        s = s.replace("%", " percent ").replace("&", " and ").replace("+", " plus ").replace("@", " at ");
        s = replaceAll(MONEY, s, m -> {
            String dollars = integer(Integer.parseInt(m.group(1))) + (m.group(1).equals("1") ? " dollar" : " dollars");
            return m.group(2) == null || m.group(2).equals("00") ? " " + dollars + " "
                : " " + dollars + " " + integer(Integer.parseInt(m.group(2))) + " cents ";
        });
        s = replaceAll(TIME, s, m -> {
            int minutes = Integer.parseInt(m.group(2));
            String hour = integer(Integer.parseInt(m.group(1)));
            if (minutes == 0) return " " + hour + " o'clock ";
            return " " + hour + (minutes < 10 ? " oh " : " ") + integer(minutes) + " ";
        });
        s = replaceAll(ORDINAL, s, m -> " " + ordinal(Integer.parseInt(m.group(1))) + " ");
        s = replaceAll(DECIMAL, s, m -> " " + integer(Integer.parseInt(m.group(1))) + " point "
            + digits(m.group(2)) + " ");
        s = replaceAll(NUMBER, s, m -> " " + (m.group().length() <= 4 && !m.group().startsWith("0")
            || m.group().equals("0") ? integer(Integer.parseInt(m.group())) : digits(m.group())) + " ");
        s = NOT_WORD_CHAR.matcher(s).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String raw : s.trim().split("\\s+")) {
            String word = trimPunctuation(raw);
            if (word.isEmpty()) continue;
            words.add(SPELLING.getOrDefault(word, word));
        }
        return words;
    }

    /** The spoken words of {@code text} joined by single spaces. */
    public static String normalize(String text) {
        return String.join(" ", words(text));
    }

    /** Spells 0..9999 as words ("two thousand twenty four"). */
    static String integer(int n) {
        if (n < 0 || n > 9999) throw new IllegalArgumentException("only 0..9999 are spelled out: " + n);
        if (n < 20) return ONES[n];
        if (n < 100) return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
        if (n < 1000) return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + integer(n % 100));
        return integer(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + integer(n % 1000));
    }

    private static String ordinal(int n) {
        String cardinal = integer(n);
        int lastSpace = cardinal.lastIndexOf(' ');
        String last = cardinal.substring(lastSpace + 1);
        return cardinal.substring(0, lastSpace + 1) + ORDINAL_OF_ONES.getOrDefault(last, last);
    }

    private static String digits(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) sb.append(sb.length() == 0 ? "" : " ").append(ONES[c - '0']);
        return sb.toString();
    }

    /** Strips quotes and hyphens around a word, keeping inner apostrophes and the dictionary's leading ones. */
    private static String trimPunctuation(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && (raw.charAt(start) == '-' || raw.charAt(start) == '\'')) start++;
        while (end > start && (raw.charAt(end - 1) == '-' || raw.charAt(end - 1) == '\'')) end--;
        String word = raw.substring(start, end);
        // "'cause", "'bout": the dictionary keeps these leading apostrophes
        if (start > 0 && raw.charAt(start - 1) == '\'' && (word.equals("cause") || word.equals("bout"))) {
            return "'" + word;
        }
        return word;
    }

    private static String replaceAll(Pattern pattern, String s, Function<MatchResult, String> spell) {
        return pattern.matcher(s).replaceAll(m -> Matcher.quoteReplacement(spell.apply(m)));
    }
}
