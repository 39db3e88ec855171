package callsim.bench;

import callsim.core.Detection;
import callsim.core.Scenario;
import callsim.core.Signal;
import callsim.core.TurnAnalyzer;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.RecognizerPool;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Figure (d): precision/recall/F1 of the engine's turn detection (TurnAnalyzer, as DrillSession uses
 * it) on labelled held-out agent lines of the double-charge scenario, on the recognised words after
 * the phone channel (domain LM, espeak-ng en-us) and on the clean text (upper bound). Labels are
 * detector signals; each belongs to one rubric technique (Signal#technique).
 */
public final class DetectionBench {
    private DetectionBench() {
    }

    record Labelled(Set<Signal> expected, String text) {}

    public static void main(String[] args) throws Exception {
        List<Labelled> lines = Corpora.lines("labelled-agent.txt").stream().map(DetectionBench::parse).toList();
        Corpora.requireHeldOut(lines.stream().map(Labelled::text).toList());
        Scenario scenario = ScenarioLibrary.builtIn().get("double-charge");
        TurnAnalyzer analyzer = new TurnAnalyzer(scenario);
        Counts clean = new Counts();
        Counts phone = new Counts();
        // Argument: a flite voice name (slt, rms) to speak the lines with; default espeak-ng en-us.
        PhoneChannel.Voice voice = PhoneChannel.VOICES.get(0);
        if (args.length > 0 && !args[0].isBlank()) {
            PhoneChannel.Flite flite = new PhoneChannel.Flite(args[0].trim());
            PhoneChannel.requireFlite(List.of(flite));
            voice = flite;
        }
        try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1))) {
            for (Labelled line : lines) {
                Set<Signal> fromText = signals(analyzer, line.text());
                String heard = pool.transcribe(PhoneChannel.speak(line.text(), voice), PhoneChannel.LINE_RATE);
                Set<Signal> fromPhone = signals(analyzer, heard);
                clean.add(line.expected(), fromText);
                phone.add(line.expected(), fromPhone);
                System.err.printf("expected %s | text %s | phone %s%n  said: %s%n  heard: %s%n", line.expected(), fromText,
                    fromPhone, line.text(), heard);
            }
        }
        System.out.println();
        System.out.printf("%d labelled lines (%d labels), scenario double-charge, voice %s%n%n", lines.size(),
            lines.stream().mapToInt(l -> l.expected().size()).sum(), voice.label());
        System.out.println("| signal (technique) | support | clean P | clean R | clean F1 | phone P | phone R | phone F1 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println("| **micro, all signals** | " + clean.support() + " | " + clean.micro().cells() + " | "
            + phone.micro().cells() + " |");
        for (Signal signal : clean.seen(phone)) {
            System.out.printf("| %s (%s) | %d | %s | %s |%n", signal, signal.technique().code(), clean.perSignal(signal).support(),
                clean.perSignal(signal).cells(), phone.perSignal(signal).cells());
        }
    }

    static Set<Signal> signals(TurnAnalyzer analyzer, String words) {
        Set<Signal> found = EnumSet.noneOf(Signal.class);
        for (Detection d : analyzer.read(words).detections()) found.add(d.signal());
        return found;
    }

    private static Labelled parse(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) throw new IllegalArgumentException("expected 'SIGNAL,SIGNAL | sentence': " + line);
        Set<Signal> expected = EnumSet.noneOf(Signal.class);
        for (String name : line.substring(0, bar).split(",")) {
            if (!name.isBlank()) expected.add(Signal.valueOf(name.strip()));
        }
        return new Labelled(expected, line.substring(bar + 1).strip());
    }

    /** True/false positives and false negatives. */
    record Score(int tp, int fp, int fn) {
        int support() {
            return tp + fn;
        }

        String cells() {
            double p = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
            double f = Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
            return fmt(p) + " | " + fmt(r) + " | " + fmt(f);
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "–" : String.format("%.2f", v);
        }
    }

    static final class Counts {
        private final Map<Signal, int[]> bySignal = new TreeMap<>();

        void add(Set<Signal> expected, Set<Signal> found) {
            for (Signal s : expected) bySignal.computeIfAbsent(s, k -> new int[3])[found.contains(s) ? 0 : 2]++;
            for (Signal s : found) if (!expected.contains(s)) bySignal.computeIfAbsent(s, k -> new int[3])[1]++;
        }

        Score perSignal(Signal s) {
            int[] c = bySignal.getOrDefault(s, new int[3]);
            return new Score(c[0], c[1], c[2]);
        }

        Score micro() {
            int[] sum = new int[3];
            bySignal.values().forEach(c -> { for (int i = 0; i < 3; i++) sum[i] += c[i]; });
            return new Score(sum[0], sum[1], sum[2]);
        }

        int support() {
            return micro().support();
        }

        List<Signal> seen(Counts other) {
            Set<Signal> all = EnumSet.noneOf(Signal.class);
            all.addAll(bySignal.keySet());
            all.addAll(other.bySignal.keySet());
            return new ArrayList<>(all.stream().collect(Collectors.toList()));
        }
    }
}
