package callsim.bench;

import callsim.bench.DetectionBench.Analyzers;
import callsim.bench.DetectionBench.Labelled;
import callsim.bench.DetectionBench.Score;
import callsim.core.SoundsLike;
import callsim.speech.PronunciationDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final double[] DISTANCES = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
    private static final int[] MIN_PHONES = {3, 4, 5, 6};

    private Tuning() {
    }

    public static void main(String[] args) throws Exception {
        List<Labelled> tuning = DetectionBench.sets().get(DetectionBench.TUNING);
        if (args.length == 3) { // tune DISTANCE MIN_PHONES: what sound matching changes on the tuning half
            printChanges(tuning, new SoundsLike(PronunciationDictionary.bundled()::phones, Double.parseDouble(args[1]),
                Integer.parseInt(args[2])));
            return;
        }
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
        System.out.println("| max distance \\ min phones | " + String.join(" | ", Arrays.stream(MIN_PHONES).mapToObj(String::valueOf).toList()) + " |");
        double bestF1 = -1;
        String best = "";
        StringBuilder header = new StringBuilder("|---|");
        for (int ignored : MIN_PHONES) header.append("---|");
        System.out.println(header);
        PronunciationDictionary dictionary = PronunciationDictionary.bundled();
        System.out.printf("(spelling only: %.3f)%n", pooledF1(new Analyzers(SoundsLike.off()), tuning, transcripts));
        for (double distance : DISTANCES) {
            double[] f1s = new double[MIN_PHONES.length];
            // stricter first: a later setting must beat the best so far to win
            for (int m = MIN_PHONES.length - 1; m >= 0; m--) {
                double f1 = pooledF1(new Analyzers(new SoundsLike(dictionary::phones, distance, MIN_PHONES[m])),
                    tuning, transcripts);
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

    private static void printChanges(List<Labelled> lines, SoundsLike sounds) throws Exception {
        Analyzers bySound = new Analyzers(sounds);
        Analyzers bySpelling = new Analyzers(SoundsLike.off());
        List<Path> files;
        try (Stream<Path> list = Files.list(DetectionBench.HEARD_DIR)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            Map<String, String> heard = DetectionBench.keptTranscripts(file);
            for (Labelled line : lines) {
                String words = heard.get(line.text());
                if (words == null) continue;
                var withSound = signals(bySound, line.scenario(), words);
                var spelt = signals(bySpelling, line.scenario(), words);
                if (withSound.equals(spelt)) continue;
                StringBuilder change = new StringBuilder();
                for (var s : withSound) if (!spelt.contains(s)) change.append(" +").append(s).append(line.expected().contains(s) ? " right" : " WRONG");
                for (var s : spelt) if (!withSound.contains(s)) change.append(" -").append(s).append(line.expected().contains(s) ? " WRONG" : " right");
                System.out.printf("%s:%s%n  said:  %s%n  heard: %s%n", file.getFileName(), change, line.text(), words);
            }
        }
    }

    private static java.util.Set<callsim.core.Signal> signals(Analyzers analyzers, String scenario, String words) {
        java.util.Set<callsim.core.Signal> found = java.util.EnumSet.noneOf(callsim.core.Signal.class);
        analyzers.of(scenario).read(words).detections().forEach(d -> found.add(d.signal()));
        return found;
    }

    /** Micro F1 over the clean lines and every voice's transcripts of them, counted together. */
    private static double pooledF1(Analyzers analyzers, List<Labelled> lines, List<Map<String, String>> transcripts) {
        int[] sum = new int[3];
        add(sum, DetectionBench.count(analyzers, lines, null).micro());
        for (Map<String, String> heard : transcripts) add(sum, DetectionBench.count(analyzers, lines, heard).micro());
        return new Score(sum[0], sum[1], sum[2]).f1();
    }

    private static void add(int[] sum, Score score) {
        sum[0] += score.tp();
        sum[1] += score.fp();
        sum[2] += score.fn();
    }
}
