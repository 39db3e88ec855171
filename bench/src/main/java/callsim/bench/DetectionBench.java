package callsim.bench;

import callsim.core.Detection;
import callsim.core.Scenario;
import callsim.core.Signal;
import callsim.core.SoundsLike;
import callsim.core.TurnAnalyzer;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.PostCallRecognizer;
import callsim.speech.PronunciationDictionary;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSetup;
import callsim.speech.SpeakerProfile;
import callsim.speech.WavFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Figure (d): precision/recall/F1 of the engine's turn detection (TurnAnalyzer, as a voice drill uses
 * it: cues matched on spelling and on sound) on labelled agent lines the LM has never seen, on the clean
 * text and on what the domain-LM recogniser heard after the phone channel. Labels are detector signals;
 * each belongs to one rubric technique (Signal#technique).
 *
 * <p>Arguments: voices to speak both paraphrase halves with ({@code espeak} = espeak-ng en-us 150 wpm,
 * {@code slt}, {@code rms} = flite; {@code rms:held-out} speaks the held-out half only; {@code slt@accurate}
 * hears with the accurate set-up, which scores drills after the call); none = clean
 * text only. The live set-up hears line by line, as a drill's turns; any other hears every {@link #DRILL_TURNS} lines
 * as one recording, as the post-call pass does. Each voice's transcripts are kept in {@code target/detection/heard-VOICE.tsv}. Instead of
 * voices: {@code kept} scores the kept transcripts again without decoding (after a detector change),
 * {@code tune} chooses SoundsLike's two limits on the tuning half (see {@link Tuning}), {@code misses}
 * lists the tuning lines (tuning half and tuning set 2) read wrongly, on clean text and as heard.
 */
public final class DetectionBench {
    static final Path HEARD_DIR = Path.of("target", "detection");
    static final String TUNING = "paraphrase tuning half";
    static final String HELD_OUT = "paraphrase held-out half";
    static final String TUNING_2 = "paraphrase tuning set 2";
    /** Agent turns in a typical drill: how many lines one speaker profile (and its adaptation) hears. */
    static final int DRILL_TURNS = 12;

    private DetectionBench() {
    }

    record Labelled(String scenario, Set<Signal> expected, String text) {}

    /** The labelled sets, in report order. */
    static Map<String, List<Labelled>> sets() {
        Map<String, List<Labelled>> sets = new LinkedHashMap<>();
        sets.put(TUNING, read("paraphrase-tuning.txt"));
        sets.put(HELD_OUT, read("paraphrase-held-out.txt"));
        sets.put(TUNING_2, read("paraphrase-tuning-2.txt"));
        sets.put("2026-11 set (double-charge)", read("labelled-agent.txt"));
        return sets;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("tune")) {
            Tuning.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("misses")) {
            Corpora.requireHeldOut(tuningLines().stream().map(Labelled::text).toList());
            System.out.println("Spelling only:");
            printMisses(new Analyzers(SoundsLike.off()), tuningLines(), null);
            System.out.println("Spelling only, 2026-11 set (tuned on in 2026-11, not held out):");
            printMisses(new Analyzers(SoundsLike.off()), read("labelled-agent.txt"), null);
            Analyzers sound = new Analyzers(SoundsLike.with(PronunciationDictionary.bundled()::phones));
            for (String voice : keptVoices()) {
                System.out.println("Heard by the recogniser, voice " + voice + ":");
                printMisses(sound, tuningLines(), keptTranscripts(HEARD_DIR.resolve("heard-" + voice + ".tsv")));
            }
            return;
        }
        Map<String, List<Labelled>> sets = sets();
        List<Labelled> all = sets.values().stream().flatMap(List::stream).toList();
        Corpora.requireHeldOut(all.stream().map(Labelled::text).toList());
        Analyzers sound = new Analyzers(SoundsLike.with(PronunciationDictionary.bundled()::phones));
        Analyzers spelling = new Analyzers(SoundsLike.off());

        System.out.printf("%nClean text; sound matching: %s%n%n", SoundsLike.with(PronunciationDictionary.bundled()::phones));
        System.out.println("| set | lines | labels | spelling only P / R / F1 | with sound P / R / F1 | poor agent's lines: P (spelling / sound) |");
        System.out.println("|---|---|---|---|---|---|");
        for (var set : sets.entrySet()) {
            Counts bySpelling = count(spelling, set.getValue(), null);
            Counts bySound = count(sound, set.getValue(), null);
            System.out.printf("| %s | %d | %d | %s | %s | %s / %s |%n", set.getKey(), set.getValue().size(), bySound.support(),
                bySpelling.micro().cells(), bySound.micro().cells(), bySpelling.poor().precision(), bySound.poor().precision());
        }
        boolean keptOnly = args.length > 0 && args[0].equals("kept");
        List<String> voices = keptOnly ? keptVoices() : List.of(args);
        for (String spec : voices) {
            String name = spec.replace(":held-out", "").trim(); // e.g. "slt", or "slt@accurate" for that set-up
            RecognizerSetup setup = name.contains("@") ? RecognizerSetup.named(name.substring(name.indexOf('@') + 1))
                : RecognizerSetup.LIVE;
            PhoneChannel.Voice voice = voice(name.replaceAll("@.*", ""));
            List<Labelled> spoken = spec.endsWith(":held-out") ? sets.get(HELD_OUT) : phoneSets(sets);
            Map<String, String> heard = keptOnly ? keptTranscripts(HEARD_DIR.resolve("heard-" + name + ".tsv"))
                : transcribe(spoken, voice, name, setup);
            System.out.printf("%nPhone channel, voice %s (recogniser set-up %s, 8 kHz G.711)%n%n", voice.label(), setup.name());
            System.out.println("| set | lines | spelling only P / R / F1 | with sound P / R / F1 | poor agent's lines: P (spelling / sound) |");
            System.out.println("|---|---|---|---|---|");
            for (var set : sets.entrySet()) {
                if (!set.getValue().stream().allMatch(l -> heard.containsKey(l.text()))) continue; // not spoken in this run
                Counts bySpelling = count(spelling, set.getValue(), heard);
                Counts bySound = count(sound, set.getValue(), heard);
                System.out.printf("| %s | %d | %s | %s | %s / %s |%n", set.getKey(), set.getValue().size(),
                    bySpelling.micro().cells(), bySound.micro().cells(), bySpelling.poor().precision(), bySound.poor().precision());
            }
            List<Labelled> paraphrases = phoneSets(sets);
            if (paraphrases.stream().allMatch(l -> heard.containsKey(l.text()))) {
                Counts overAll = count(sound, paraphrases, heard);
                System.out.printf("| all paraphrase lines (exactly: true / false positives / missed; F1) | %d | %s | %s | |%n",
                    paraphrases.size(), count(spelling, paraphrases, heard).micro().exact(), overAll.micro().exact());
            }
            if (sets.get(HELD_OUT).stream().allMatch(l -> heard.containsKey(l.text()))) {
                printPerSignal(sound, sets.get(HELD_OUT), heard, voice.label());
            }
        }
        if (args.length == 0) printPerSignal(sound, sets.get(HELD_OUT), null, "none (clean text)");
    }

    /** The lines cues may be written on: the tuning half and the second tuning set (never the held-out half). */
    static List<Labelled> tuningLines() {
        List<Labelled> lines = new ArrayList<>(read("paraphrase-tuning.txt"));
        lines.addAll(read("paraphrase-tuning-2.txt"));
        return lines;
    }

    /** The tuning lines whose clean-text detections differ from their labels (for writing cues). */
    private static void printMisses(Analyzers analyzers, List<Labelled> lines, Map<String, String> heard) {
        for (Labelled line : lines) {
            String words = heard == null ? line.text() : heard.get(line.text());
            if (words == null) continue;
            Set<Signal> found = EnumSet.noneOf(Signal.class);
            for (Detection d : analyzers.of(line.scenario()).read(words).detections()) found.add(d.signal());
            if (!found.equals(line.expected())) {
                Set<Signal> missed = EnumSet.noneOf(Signal.class);
                missed.addAll(line.expected());
                missed.removeAll(found);
                found.removeAll(line.expected());
                System.out.printf("missed %s, extra %s: %s%s%n", missed, found, line.text(), heard == null ? "" : "\n    heard: " + words);
            }
        }
    }

    /** Voices with kept transcripts, e.g. "slt" for target/detection/heard-slt.tsv. */
    private static List<String> keptVoices() throws IOException {
        try (var files = Files.list(HEARD_DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("heard-") && f.endsWith(".tsv"))
                .map(f -> f.substring("heard-".length(), f.length() - ".tsv".length())).sorted().toList();
        }
    }

    /** The lines spoken over the phone: both paraphrase halves (the 2026-11 set has its figures in BENCHMARKS.md (d)). */
    private static List<Labelled> phoneSets(Map<String, List<Labelled>> sets) {
        return sets.entrySet().stream().filter(e -> e.getKey().startsWith("paraphrase")).flatMap(e -> e.getValue().stream()).toList();
    }

    static PhoneChannel.Voice voice(String name) throws IOException, InterruptedException {
        if (name.equals("espeak")) return PhoneChannel.VOICES.get(0);
        PhoneChannel.Flite flite = new PhoneChannel.Flite(name);
        PhoneChannel.requireFlite(List.of(flite));
        return flite;
    }

    /**
     * Each line as the recogniser heard it after the phone channel, kept (one "said TAB heard" row per
     * line, appended as it is decoded) in target/detection/heard-VOICE.tsv; lines already kept there are
     * not decoded again, so an interrupted run resumes (its speaker adaptation starts afresh). Delete the file
 * to decode afresh.
     */
    static Map<String, String> transcribe(List<Labelled> lines, PhoneChannel.Voice voice, String name, RecognizerSetup setup)
        throws Exception {
        Files.createDirectories(HEARD_DIR);
        Path kept = HEARD_DIR.resolve("heard-" + name + ".tsv");
        Map<String, String> heard = Files.exists(kept) ? keptTranscripts(kept) : new LinkedHashMap<>();
        List<Labelled> todo = lines.stream().filter(l -> !heard.containsKey(l.text())).toList();
        if (todo.isEmpty()) return heard;
        if (setup != RecognizerSetup.LIVE) return transcribeAfterCalls(todo, voice, setup, heard, kept);
        try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1).withSetup(setup))) {
            // as in drills: one agent's profile for every DRILL_TURNS lines, then a fresh one (a new drill)
            SpeakerProfile agent = new SpeakerProfile();
            int turns = 0;
            for (Labelled line : todo) {
                if (turns++ % DRILL_TURNS == 0) agent = new SpeakerProfile();
                String words = pool.transcribe(PhoneChannel.speak(line.text(), voice), PhoneChannel.LINE_RATE, agent);
                keep(kept, heard, line, words);
            }
        }
        return heard;
    }

    /**
     * As the post-call pass hears a drill's agent channel ({@link PostCallRecognizer}): every
     * {@link #DRILL_TURNS} lines make one recording, each line after a second of the caller's turn.
     */
    private static Map<String, String> transcribeAfterCalls(List<Labelled> todo, PhoneChannel.Voice voice, RecognizerSetup setup,
        Map<String, String> heard, Path kept) throws Exception {
        try (PostCallRecognizer recognizer = new PostCallRecognizer(Corpora.serverSettings(1).withSetup(setup))) {
            for (int drill = 0; drill < todo.size(); drill += DRILL_TURNS) {
                List<Labelled> lines = todo.subList(drill, Math.min(todo.size(), drill + DRILL_TURNS));
                List<short[]> parts = new ArrayList<>();
                List<PostCallRecognizer.Span> spans = new ArrayList<>();
                long ms = 0;
                for (Labelled line : lines) {
                    short[] speech = PhoneChannel.speak(line.text(), voice);
                    parts.add(new short[PhoneChannel.LINE_RATE]); // the caller's turn: a second of silence on this channel
                    parts.add(speech);
                    ms += 1000;
                    spans.add(new PostCallRecognizer.Span(ms, ms + speech.length * 1000L / PhoneChannel.LINE_RATE));
                    ms += speech.length * 1000L / PhoneChannel.LINE_RATE;
                }
                parts.add(new short[PhoneChannel.LINE_RATE]);
                short[] channel = new short[parts.stream().mapToInt(p -> p.length).sum()];
                int at = 0;
                for (short[] part : parts) {
                    System.arraycopy(part, 0, channel, at, part.length);
                    at += part.length;
                }
                List<String> words = recognizer.transcribe(new WavFile.Audio(PhoneChannel.LINE_RATE, 1, channel), spans,
                    PostCallRecognizer.TurnGate.OPEN);
                for (int i = 0; i < lines.size(); i++) keep(kept, heard, lines.get(i), words.get(i));
            }
        }
        return heard;
    }

    private static void keep(Path kept, Map<String, String> heard, Labelled line, String words) throws IOException {
        heard.put(line.text(), words);
        Files.writeString(kept, line.text() + "\t" + words + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.err.printf("  said: %s%n  heard: %s%n", line.text(), words);
    }

    /** Kept transcripts of one voice (said → heard), or an empty map. */
    static Map<String, String> keptTranscripts(Path file) throws IOException {
        Map<String, String> heard = new LinkedHashMap<>();
        for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = row.indexOf('\t');
            if (tab > 0) heard.put(row.substring(0, tab), row.substring(tab + 1));
        }
        return heard;
    }

    private static void printPerSignal(Analyzers analyzers, List<Labelled> lines, Map<String, String> heard, String voice) {
        Counts clean = count(analyzers, lines, null);
        Counts phone = heard == null ? new Counts() : count(analyzers, lines, heard);
        System.out.printf("%nPer signal, held-out half, with sound; voice %s%n%n", voice);
        System.out.println("| signal (technique) | support | clean P | clean R | clean F1 | phone P | phone R | phone F1 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println("| **micro, all signals** | " + clean.support() + " | " + clean.micro().cells().replace(" / ", " | ")
            + " | " + phone.micro().cells().replace(" / ", " | ") + " |");
        System.out.printf("| (exactly: true / false positives / missed; F1) | | %s | | | %s | | |%n", clean.micro().exact(),
            heard == null ? "–" : phone.micro().exact());
        Set<Signal> seen = EnumSet.noneOf(Signal.class);
        seen.addAll(clean.bySignal.keySet());
        seen.addAll(phone.bySignal.keySet());
        for (Signal signal : seen) {
            System.out.printf("| %s (%s) | %d | %s | %s |%n", signal, signal.technique().code(), clean.perSignal(signal).support(),
                clean.perSignal(signal).cells().replace(" / ", " | "), phone.perSignal(signal).cells().replace(" / ", " | "));
        }
    }

    /** Scores lines read as clean text ({@code heard} null) or as the recogniser heard them. */
    static Counts count(Analyzers analyzers, List<Labelled> lines, Map<String, String> heard) {
        Counts counts = new Counts();
        for (Labelled line : lines) {
            String words = heard == null ? line.text() : heard.get(line.text());
            if (words == null) throw new IllegalStateException("no transcript of: " + line.text());
            Set<Signal> found = EnumSet.noneOf(Signal.class);
            for (Detection d : analyzers.of(line.scenario()).read(words).detections()) found.add(d.signal());
            counts.add(line.expected(), found);
        }
        return counts;
    }

    private static List<Labelled> read(String resource) {
        return Corpora.lines(resource).stream().map(DetectionBench::parse).toList();
    }

    private static Labelled parse(String line) {
        String[] parts = line.split("\\|", 3);
        if (parts.length != 3) throw new IllegalArgumentException("expected 'scenario | SIGNAL,SIGNAL | sentence': " + line);
        Set<Signal> expected = EnumSet.noneOf(Signal.class);
        for (String name : parts[1].split(",")) {
            if (!name.isBlank()) expected.add(Signal.valueOf(name.strip()));
        }
        return new Labelled(parts[0].strip(), expected, parts[2].strip());
    }

    /** One TurnAnalyzer per scenario, all matching sound the same way. */
    static final class Analyzers {
        private final SoundsLike sounds;
        private final Map<String, TurnAnalyzer> byScenario = new TreeMap<>();

        Analyzers(SoundsLike sounds) {
            this.sounds = sounds;
        }

        TurnAnalyzer of(String scenarioId) {
            return byScenario.computeIfAbsent(scenarioId, id -> {
                Scenario scenario = ScenarioLibrary.builtIn().get(id);
                return new TurnAnalyzer(scenario, sounds);
            });
        }
    }

    /** True/false positives and false negatives. */
    record Score(int tp, int fp, int fn) {
        int support() {
            return tp + fn;
        }

        double f1() {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** The counts behind the rounded cells, so a figure at a target's edge can be read exactly. */
        String exact() {
            return String.format("%d / %d / %d; %.4f", tp, fp, fn, f1());
        }

        String precision() {
            return fmt(tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp));
        }

        String cells() {
            double p = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
            double f = Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
            return fmt(p) + " / " + fmt(r) + " / " + fmt(f);
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "–" : String.format("%.2f", v);
        }
    }

    /**
     * Counts per signal, and over the poor agent's lines: those labelled with a mistake (bare apology,
     * excuse, vague promise, arguing, "calm down", deflection, forbidden promise), where a false
     * detection would credit a poor agent with a technique.
     */
    static final class Counts {
        static final Set<Signal> MISTAKES = EnumSet.of(Signal.BARE_APOLOGY, Signal.EXCUSE, Signal.VAGUE_PROMISE, Signal.ARGUING,
            Signal.CALM_DOWN, Signal.DEFLECTION, Signal.FORBIDDEN_PROMISE, Signal.WRONG_RESTATEMENT);
        private final Map<Signal, int[]> bySignal = new TreeMap<>();
        private final int[] poor = new int[3];

        void add(Set<Signal> expected, Set<Signal> found) {
            boolean poorLine = expected.stream().anyMatch(MISTAKES::contains);
            for (Signal s : expected) tally(s, found.contains(s) ? 0 : 2, poorLine);
            for (Signal s : found) if (!expected.contains(s)) tally(s, 1, poorLine);
        }

        private void tally(Signal s, int kind, boolean poorLine) {
            bySignal.computeIfAbsent(s, k -> new int[3])[kind]++;
            if (poorLine) poor[kind]++;
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

        Score poor() {
            return new Score(poor[0], poor[1], poor[2]);
        }

        int support() {
            return micro().support();
        }
    }
}
