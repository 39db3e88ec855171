package callsim.bench;

import callsim.bench.DetectionBench.Analyzers;
import callsim.bench.DetectionBench.Labelled;
import callsim.bench.DetectionBench.Score;
import callsim.core.SoundsLike;
import callsim.speech.PronunciationDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench/run detection tune}: chooses SoundsLike's limits (largest distance per phone, fewest
 * phones) on the tuning half only: its clean text plus every voice's kept transcripts
 * (target/detection/heard-*.tsv, written by {@code bench/run detection VOICE}), pooled. The best micro F1
 * wins; on a tie, the stricter limits. The held-out half is never read.
 */
final class Tuning {
    private static final double[] DISTANCES = {0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4};
    private static final int[] MIN_PHONES = {6, 8, 10, 12};

    private Tuning() {
    }

    public static void main(String[] args) throws Exception {
        List<Labelled> tuning = DetectionBench.sets().get(DetectionBench.TUNING);
        List<Map<String, String>> transcripts = new ArrayList<>();
        List<String> voices = new ArrayList<>();
        try (Stream<Path> files = Files.list(DetectionBench.HEARD_DIR)) {
            for (Path file : files.sorted().filter(f -> f.getFileName().toString().startsWith("heard-")).toList()) {
                Map<String, String> heard = DetectionBench.keptTranscripts(file);
                if (!tuning.stream().allMatch(l -> heard.containsKey(l.text()))) continue; // tuning half not (yet) spoken
                transcripts.add(heard);
                voices.add(file.getFileName().toString());
            }
        }
        if (transcripts.isEmpty()) throw new IllegalStateException("no transcripts in " + DetectionBench.HEARD_DIR + ": run bench/run detection VOICE first");
        System.out.printf("%nTuning half (%d lines), clean text + transcripts %s, pooled micro F1%n%n", tuning.size(), voices);
        System.out.println("| max distance \\ min phones | " + String.join(" | ", Stream.of(MIN_PHONES).map(String::valueOf).toList()) + " |");
        double bestF1 = -1;
        String best = "";
        StringBuilder header = new StringBuilder("|---|");
        for (int ignored : MIN_PHONES) header.append("---|");
        System.out.println(header);
        PronunciationDictionary dictionary = PronunciationDictionary.bundled();
        for (double distance : DISTANCES) {
            double[] f1s = new double[MIN_PHONES.length];
            // stricter first: a later setting must beat the best so far to win
            for (int m = MIN_PHONES.length - 1; m >= 0; m--) {
                Analyzers analyzers = new Analyzers(new SoundsLike(dictionary::phones, distance, MIN_PHONES[m]));
                int[] sum = new int[3];
                add(sum, DetectionBench.count(analyzers, tuning, null).micro());
                for (Map<String, String> heard : transcripts) add(sum, DetectionBench.count(analyzers, tuning, heard).micro());
                double f1 = new Score(sum[0], sum[1], sum[2]).f1();
                f1s[m] = f1;
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = "max distance " + distance + ", min phones " + MIN_PHONES[m];
                }
            }
            StringBuilder row = new StringBuilder("| " + distance + " |");
            for (double f1 : f1s) row.append(String.format(" %.3f |", f1));
            System.out.println(row);
        }
        System.out.printf("%nbest: %s (F1 %.3f)%n", best, bestF1);
    }

    private static void add(int[] sum, Score score) {
        sum[0] += score.tp();
        sum[1] += score.fp();
        sum[2] += score.fn();
    }
}
