package callsim.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hearing a cue word on sound: the recogniser splits words it does not expect ("overdraft" → "over
 * draft") or hears a near-homophone, so a cue word also counts as heard when a run of one to three
 * heard words sounds close to it. Closeness is a phone edit distance (a swap between
 * similar phones, two vowels or two stops, costs half) divided by the cue word's phone count. Short
 * words are left to spelling: "fee" or "you" sound like too many things. The rest of the cue's rules
 * (order, key words, gaps, see {@link Cue}) still apply. Both limits were chosen on the tuning half of
 * the labelled lines (`bench/run detection tune`, BENCHMARKS.md (d)): looser limits cost more false
 * detections than they recovered words, so only splits and near-exact homophones count.
 */
public final class SoundsLike {
    /** Largest distance per cue-word phone that still counts as the same word. */
    public static final double MAX_DISTANCE = 0.1;
    /** Cue words with fewer phones than this match on spelling only. */
    public static final int MIN_PHONES = 6;
    /** A cue word may be heard split into this many words at most ("overdraft" → "other draft"). */
    static final int MAX_RUN = 3;

    private static final List<Set<String>> CLASSES = List.of(
            Set.of("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"),
            Set.of("P", "B", "T", "D", "K", "G"),
            Set.of("F", "V", "TH", "DH", "S", "Z", "SH", "ZH", "HH", "CH", "JH"),
            Set.of("M", "N", "NG"),
            Set.of("L", "R", "W", "Y"));

    private final Pronunciations pronunciations;
    private final double maxDistance;
    private final int minPhones;
    /** Each word's phones, looked up once (shared by the drills using this matcher, hence synchronized). */
    private final Map<String, String[]> phones = Collections.synchronizedMap(new HashMap<>());

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

    @Override
    public String toString() {
        return isOff() ? "off" : "max distance " + maxDistance + " per phone, words of " + minPhones + "+ phones";
    }

    boolean isOff() {
        return minPhones == Integer.MAX_VALUE;
    }

    /**
     * How many heard words from {@code start} (1 to {@link #MAX_RUN}) sound like {@code cueWord}, the
     * closest run winning; 0 if none does, or the word is too short or unknown.
     */
    int runSoundingLike(String cueWord, List<String> heard, int start) {
        if (isOff()) return 0;
        String[] target = phonesOf(cueWord);
        if (target == null || target.length < minPhones) return 0;
        List<String> run = new ArrayList<>();
        int best = 0;
        double bestCost = maxDistance * target.length;
        for (int end = start; end < heard.size() && end < start + MAX_RUN; end++) {
            String[] word = phonesOf(heard.get(end));
            if (word == null) break;
            run.addAll(List.of(word));
            double cost = distance(target, run);
            if (cost <= bestCost) {
                bestCost = cost;
                best = end - start + 1;
            }
        }
        return best;
    }

    private String[] phonesOf(String word) {
        return phones.computeIfAbsent(word, w -> {
            List<String> known = pronunciations.phones(w);
            return known.isEmpty() ? null : known.stream().map(SoundsLike::withoutStress).toArray(String[]::new);
        });
    }

    /** Weighted edit distance between two phone sequences. */
    static double distance(String[] a, List<String> b) {
        double[] previous = new double[b.size() + 1];
        double[] current = new double[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) previous[j] = j;
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                double swap = previous[j - 1] + cost(a[i - 1], b.get(j - 1));
                current[j] = Math.min(swap, Math.min(previous[j], current[j - 1]) + 1);
            }
            double[] next = previous;
            previous = current;
            current = next;
        }
        return previous[b.size()];
    }

    private static String withoutStress(String phone) {
        char last = phone.charAt(phone.length() - 1);
        return Character.isDigit(last) ? phone.substring(0, phone.length() - 1) : phone;
    }

    private static double cost(String a, String b) {
        if (a.equals(b)) return 0;
        for (Set<String> group : CLASSES) {
            if (group.contains(a) && group.contains(b)) return 0.5;
        }
        return 1;
    }
}
