package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Matching a cue phrase on sound: the recogniser turns words it does not expect into near-homophones
 * ("overdraft fee" → "other dear add fee", "charged twice" → "charged to ice"), so a cue also matches a
 * run of heard words whose phones are close to the cue's phones, across word boundaries. Closeness is a
 * phone edit distance (a swap between similar phones, two vowels or two stops, costs half) divided by
 * the cue's phone count. Short cues are left to spelling: "thank you" sounds like too many things.
 * The two limits were chosen on the tuning half of the labelled set (docs/metrics.md, BENCHMARKS.md (d)).
 */
public final class SoundsLike {
    /** Largest distance per cue phone that still counts as the same phrase. */
    public static final double MAX_DISTANCE = 0.25;
    /** Cues with fewer phones than this match on spelling only. */
    public static final int MIN_PHONES = 8;

    private static final List<Set<String>> CLASSES = List.of(
            Set.of("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"),
            Set.of("P", "B", "T", "D", "K", "G"),
            Set.of("F", "V", "TH", "DH", "S", "Z", "SH", "ZH", "HH", "CH", "JH"),
            Set.of("M", "N", "NG"),
            Set.of("L", "R", "W", "Y"));

    private final Pronunciations pronunciations;
    private final double maxDistance;
    private final int minPhones;

    public SoundsLike(Pronunciations pronunciations, double maxDistance, int minPhones) {
        this.pronunciations = pronunciations;
        this.maxDistance = maxDistance;
        this.minPhones = minPhones;
    }

    /** Sound matching with the chosen limits. */
    public static SoundsLike with(Pronunciations pronunciations) {
        return new SoundsLike(pronunciations, MAX_DISTANCE, MIN_PHONES);
    }

    /** Spelling only. */
    public static SoundsLike off() {
        return new SoundsLike(Pronunciations.NONE, 0, Integer.MAX_VALUE);
    }

    /** The phones of each word, stress marks removed; null for a word not known. */
    List<String[]> phonesOf(List<String> words) {
        List<String[]> phones = new ArrayList<>(words.size());
        for (String word : words) {
            List<String> known = pronunciations.phones(word);
            phones.add(known.isEmpty() ? null : known.stream().map(p -> p.replaceAll("\\d", "")).toArray(String[]::new));
        }
        return phones;
    }

    /** The cue's phones, or null if it is too short to match on sound or has a word not known. */
    String[] cuePhones(List<String> cueWords) {
        List<String> all = new ArrayList<>();
        for (String[] word : phonesOf(cueWords)) {
            if (word == null) return null;
            all.addAll(List.of(word));
        }
        return all.size() < minPhones ? null : all.toArray(String[]::new);
    }

    /**
     * True if some run of whole heard words sounds like the cue: the best alignment of the cue's phones
     * with the phones from a word start to a word end costs at most maxDistance per cue phone.
     */
    boolean heardIn(String[] cue, List<String[]> heard) {
        double allowed = maxDistance * cue.length;
        for (int start = 0; start < heard.size(); start++) {
            if (heard.get(start) != null && bestFrom(cue, heard, start, allowed) <= allowed) return true;
        }
        return false;
    }

    /** Edit distance of the cue against heard words from {@code start} on, best over word ends. */
    private static double bestFrom(String[] cue, List<String[]> heard, int start, double allowed) {
        double[] column = new double[cue.length + 1];
        for (int i = 0; i <= cue.length; i++) column[i] = i;
        double best = Double.MAX_VALUE;
        for (int w = start; w < heard.size() && heard.get(w) != null; w++) {
            for (String phone : heard.get(w)) {
                double[] next = new double[cue.length + 1];
                next[0] = column[0] + 1;
                double smallest = next[0];
                for (int i = 1; i <= cue.length; i++) {
                    double swap = column[i - 1] + cost(cue[i - 1], phone);
                    next[i] = Math.min(swap, Math.min(column[i], next[i - 1]) + 1);
                    smallest = Math.min(smallest, next[i]);
                }
                column = next;
                if (smallest > allowed) return best; // every longer run costs more
            }
            best = Math.min(best, column[cue.length]);
        }
        return best;
    }

    private static double cost(String a, String b) {
        if (a.equals(b)) return 0;
        for (Set<String> group : CLASSES) {
            if (group.contains(a) && group.contains(b)) return 0.5;
        }
        return 1;
    }
}
