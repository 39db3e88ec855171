package callsim.bench;

import callsim.speech.RecognizerPool;
import callsim.speech.SpokenText;
import callsim.speech.WordErrorRate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Figure (c): word error rate and real-time factor of speech after a phone-channel round trip, per
 * voice × phrasing (in-domain / held-out) × language model (domain / generic en-us). Voices: espeak-ng
 * variants, flite's slt and rms, and human recordings from pocketsphinx-testdata (out-of-domain phrasing).
 * Argument: sentences per cell (default 6). One recogniser, turns decoded one after another.
 * Needs espeak-ng, sox, flite and pocketsphinx-testdata; fails before decoding anything if one is missing.
 */
public final class RecognitionBench {
    private RecognitionBench() {
    }

    /** One turn: what was said, and its 8 kHz phone-line audio (made when the row runs). */
    private record Turn(String reference, Callable<short[]> line) {}

    public static void main(String[] args) throws Exception {
        long began = System.nanoTime();
        int perCell = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 6;
        List<String> heldOut = Corpora.lines("held-out-agent.txt");
        Corpora.requireHeldOut(heldOut);
        List<String> corpus = new ArrayList<>(Corpora.serverSettings(1).corpus());
        List<String> inDomain = new ArrayList<>();
        // evenly spaced corpus lines of 5+ words: a fixed, repeatable sample across the whole corpus
        List<String> longEnough = corpus.stream().filter(s -> SpokenText.words(s).size() >= 5).toList();
        for (int i = 0; i < perCell; i++) inDomain.add(longEnough.get(i * longEnough.size() / perCell));
        List<String> heldOutSample = heldOut.subList(0, Math.min(perCell, heldOut.size()));

        // every voice must be there before the first decode: a missing package fails the run, no row is skipped
        List<PhoneChannel.Voice> voices = new ArrayList<>(PhoneChannel.VOICES);
        PhoneChannel.requireFlite(PhoneChannel.FLITE_VOICES);
        voices.addAll(PhoneChannel.FLITE_VOICES);
        List<List<Turn>> human = new ArrayList<>();
        for (HumanRecordings.RecordingSet set : HumanRecordings.SETS) {
            human.add(HumanRecordings.load(set, perCell).stream()
                .map(u -> new Turn(u.reference(), () -> PhoneChannel.fromFile(u.audio()))).toList());
        }

        List<String> rows = new ArrayList<>();
        for (boolean generic : new boolean[] {false, true}) {
            String lm = generic ? "generic en-us" : "domain";
            try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1).withGenericLanguageModel(generic))) {
                for (PhoneChannel.Voice voice : voices) {
                    rows.add(row(pool, voice.label(), "in-domain", lm, spoken(inDomain, voice)));
                    rows.add(row(pool, voice.label(), "held-out", lm, spoken(heldOutSample, voice)));
                }
                for (int i = 0; i < human.size(); i++) {
                    rows.add(row(pool, HumanRecordings.SETS.get(i).label(), "out-of-domain", lm, human.get(i)));
                }
            }
        }
        System.out.println();
        System.out.println("| voice | phrasing | LM | WER | RTF | sentences (words) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%nRun took %.0f s.%n", (System.nanoTime() - began) / 1e9);
    }

    private static List<Turn> spoken(List<String> sentences, PhoneChannel.Voice voice) {
        return sentences.stream().map(s -> new Turn(s, () -> PhoneChannel.speak(s, voice))).toList();
    }

    private static String row(RecognizerPool pool, String voice, String phrasing, String lm, List<Turn> turns)
        throws Exception {
        int errors = 0;
        int words = 0;
        double audioSeconds = 0;
        double decodeSeconds = 0;
        for (Turn turn : turns) {
            short[] line = turn.line().call();
            long start = System.nanoTime();
            String heard = pool.transcribe(line, PhoneChannel.LINE_RATE);
            decodeSeconds += (System.nanoTime() - start) / 1e9;
            audioSeconds += line.length / (double) PhoneChannel.LINE_RATE;
            List<String> reference = SpokenText.words(turn.reference());
            int e = WordErrorRate.errors(reference, SpokenText.words(heard));
            errors += e;
            words += reference.size();
            System.err.printf("[%s | %s | %s] %d/%d | said: %s | heard: %s%n", voice, phrasing, lm, e,
                reference.size(), SpokenText.normalize(turn.reference()), heard);
        }
        return String.format("| %s | %s | %s | %.1f%% | %.2f | %d (%d) |", voice, phrasing, lm,
            100.0 * errors / words, decodeSeconds / audioSeconds, turns.size(), words);
    }
}
