package callsim.bench;

import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSetup;
import callsim.speech.SpeakerProfile;
import callsim.speech.SpokenText;
import callsim.speech.WordErrorRate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure (c): word error rate and decoding cost of speech after a phone-channel round trip, per voice ×
 * phrasing (in-domain / held-out / out-of-domain human speech) × recogniser set-up.
 *
 * <p>Usage: {@code bench/run recognition [SENTENCES] [--setup SPEC] [--vs SPEC] [--only TEXT] [--drill-turns N]}; SENTENCES
 * per cell (default 20), SPEC a named {@link RecognizerSetup} with optional variations ("live",
 * "live,absoluteBeamWidth=2000"), TEXT keeps only the cells whose "voice phrasing" contains it (e.g.
 * "held-out", "human" or "slt_held-out", '_' standing for a space; repeatable). By default each voice is one
 * agent whose adaptation carries over all its sentences (a long drill); {@code --drill-turns N} starts each
 * voice afresh every N sentences, as drills of N turns do. With {@code --vs} both
 * set-ups decode every turn, one after the other
 * (A B A B …), so the machine's load falls on both alike; the table then gives each row's CPU ratio to
 * the first set-up. Cost is the decoding thread's CPU time per second of audio (not wall time, which
 * other work on the machine inflates), with the wall-clock real-time factor beside it.
 *
 * <p>Voices: flite slt and rms and espeak-ng (held-out sentences, never in any LM corpus), flite slt and
 * espeak-ng on corpus sentences, and the human recordings of pocketsphinx-testdata. Needs espeak-ng, sox,
 * flite and pocketsphinx-testdata; fails before decoding anything if one is missing.
 */
public final class RecognitionBench {
    private RecognitionBench() {
    }

    /** One cell's turns: what was said, and its 8 kHz phone-line audio. */
    private record Cell(String voice, String phrasing, List<String> references, List<short[]> audio) {}

    /** Totals of one set-up on one cell. */
    private static final class Tally {
        int errors;
        int words;
        double audioSeconds;
        double wallSeconds;
        double cpuSeconds;
    }

    public static void main(String[] args) throws Exception {
        long began = System.nanoTime();
        int perCell = 20;
        List<RecognizerSetup> setups = new ArrayList<>();
        RecognizerSetup first = RecognizerSetup.LIVE;
        List<String> only = new ArrayList<>();
        int drillTurns = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--setup" -> first = RecognizerSetup.parse(args[++i]);
                case "--vs" -> setups.add(RecognizerSetup.parse(args[++i]));
                case "--only" -> only.add(args[++i].replace('_', ' ')); // bench/run splits on spaces
                case "--drill-turns" -> drillTurns = Integer.parseInt(args[++i]);
                default -> perCell = Integer.parseInt(args[i].trim());
            }
        }
        setups.add(0, first);

        List<String> heldOut = Corpora.lines("held-out-agent.txt");
        Corpora.requireHeldOut(heldOut);
        List<String> corpus = Corpora.serverSettings(1).corpus();
        // evenly spaced corpus lines of 5+ words: a fixed, repeatable sample across the whole corpus
        List<String> longEnough = corpus.stream().filter(s -> SpokenText.words(s).size() >= 5).toList();
        List<String> inDomain = new ArrayList<>();
        for (int i = 0; i < perCell; i++) inDomain.add(longEnough.get(i * longEnough.size() / perCell));
        List<String> heldOutSample = heldOut.subList(0, Math.min(perCell, heldOut.size()));

        // every voice must be there before the first decode: a missing package fails the run, no row is skipped
        PhoneChannel.requireFlite(PhoneChannel.FLITE_VOICES);
        PhoneChannel.Voice slt = PhoneChannel.FLITE_VOICES.get(0);
        PhoneChannel.Voice espeak = PhoneChannel.VOICES.get(0);
        List<Cell> cells = new ArrayList<>();
        for (PhoneChannel.Voice voice : List.of(slt, PhoneChannel.FLITE_VOICES.get(1), espeak, PhoneChannel.VOICES.get(2))) {
            if (wanted(only, voice.label(), "held-out")) cells.add(spoken(voice, "held-out", heldOutSample));
        }
        if (wanted(only, slt.label(), "in-domain")) cells.add(spoken(slt, "in-domain", inDomain));
        if (wanted(only, espeak.label(), "in-domain")) cells.add(spoken(espeak, "in-domain", inDomain));
        for (HumanRecordings.RecordingSet set : HumanRecordings.SETS) {
            if (!wanted(only, set.label(), "out-of-domain")) continue;
            List<String> references = new ArrayList<>();
            List<short[]> audio = new ArrayList<>();
            for (HumanRecordings.Utterance u : HumanRecordings.load(set, perCell)) {
                references.add(u.reference());
                audio.add(PhoneChannel.fromFile(u.audio()));
            }
            cells.add(new Cell(set.label(), "out-of-domain", references, audio));
        }

        List<RecognizerPool> pools = new ArrayList<>();
        try {
            for (RecognizerSetup setup : setups) pools.add(RecognizerPool.start(Corpora.serverSettings(1).withSetup(setup)));
            Map<Cell, List<Tally>> results = new LinkedHashMap<>();
            for (Cell cell : cells) {
                List<Tally> tallies = new ArrayList<>();
                List<SpeakerProfile> speakers = new ArrayList<>(); // one voice per cell: one agent, as in a drill
                for (int s = 0; s < setups.size(); s++) {
                    tallies.add(new Tally());
                    speakers.add(new SpeakerProfile());
                }
                for (int t = 0; t < cell.audio().size(); t++) {
                    if (t > 0 && t % drillTurns == 0) speakers.replaceAll(old -> new SpeakerProfile()); // a new drill, nothing carried
                    for (int s = 0; s < setups.size(); s++) { // interleaved: A B A B …
                        decode(pools.get(s), setups.get(s), speakers.get(s), cell, t, tallies.get(s));
                    }
                }
                results.put(cell, tallies);
            }
            print(setups, results);
        } finally {
            pools.forEach(RecognizerPool::close);
        }
        System.out.printf("%nRun took %.0f s.%n", (System.nanoTime() - began) / 1e9);
    }

    private static boolean wanted(List<String> only, String voice, String phrasing) {
        return only.isEmpty() || only.stream().anyMatch(o -> (voice + " " + phrasing).contains(o));
    }

    private static Cell spoken(PhoneChannel.Voice voice, String phrasing, List<String> sentences) throws Exception {
        List<short[]> audio = new ArrayList<>();
        for (String sentence : sentences) audio.add(PhoneChannel.speak(sentence, voice));
        return new Cell(voice.label(), phrasing, sentences, audio);
    }

    private static void decode(RecognizerPool pool, RecognizerSetup setup, SpeakerProfile speaker, Cell cell, int turn,
                               Tally tally) {
        short[] line = cell.audio().get(turn);
        long cpuBefore = decoderCpuNanos();
        long start = System.nanoTime();
        String heard = pool.transcribe(line, PhoneChannel.LINE_RATE, speaker);
        tally.wallSeconds += (System.nanoTime() - start) / 1e9;
        tally.cpuSeconds += (decoderCpuNanos() - cpuBefore) / 1e9;
        tally.audioSeconds += line.length / (double) PhoneChannel.LINE_RATE;
        List<String> reference = SpokenText.words(cell.references().get(turn));
        int e = WordErrorRate.errors(reference, SpokenText.words(heard));
        tally.errors += e;
        tally.words += reference.size();
        System.err.printf("[%s | %s | %s] %d/%d | said: %s | heard: %s%n", cell.voice(), cell.phrasing(), setup.name(),
            e, reference.size(), SpokenText.normalize(cell.references().get(turn)), heard);
    }

    /** CPU time of every recogniser thread so far: only the pool being asked decodes at a time. */
    private static long decoderCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().startsWith("asr-decoder-")) continue;
            long cpu = threads.getThreadCpuTime(thread.getId());
            if (cpu > 0) total += cpu;
        }
        return total;
    }

    private static void print(List<RecognizerSetup> setups, Map<Cell, List<Tally>> results) {
        System.out.println();
        System.out.println("| voice | phrasing | set-up | WER | CPU s per audio s | CPU ratio | wall RTF | sentences (words) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Tally[] overall = new Tally[setups.size()];
        for (int s = 0; s < setups.size(); s++) overall[s] = new Tally();
        results.forEach((cell, tallies) -> {
            double base = tallies.get(0).cpuSeconds / tallies.get(0).audioSeconds;
            for (int s = 0; s < setups.size(); s++) {
                Tally t = tallies.get(s);
                double cpu = t.cpuSeconds / t.audioSeconds;
                System.out.printf("| %s | %s | %s | %.1f%% | %.3f | %.2f | %.2f | %d (%d) |%n", cell.voice(), cell.phrasing(),
                    setups.get(s).name(), 100.0 * t.errors / t.words, cpu, cpu / base, t.wallSeconds / t.audioSeconds,
                    cell.audio().size(), t.words);
                overall[s].cpuSeconds += t.cpuSeconds;
                overall[s].audioSeconds += t.audioSeconds;
                overall[s].wallSeconds += t.wallSeconds;
            }
        });
        System.out.println();
        for (int s = 0; s < setups.size(); s++) {
            System.out.printf("%s: %.3f CPU s per audio s over %.0f s of audio (ratio %.2f), wall RTF %.2f%n",
                setups.get(s).name(), overall[s].cpuSeconds / overall[s].audioSeconds, overall[s].audioSeconds,
                (overall[s].cpuSeconds / overall[s].audioSeconds) / (overall[0].cpuSeconds / overall[0].audioSeconds),
                overall[s].wallSeconds / overall[s].audioSeconds);
        }
    }
}
