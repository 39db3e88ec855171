package callsim.bench;

import callsim.speech.RecognizerPool;
import callsim.speech.SpokenText;
import callsim.speech.WordErrorRate;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure (c): word error rate and real-time factor of agent speech after a phone-channel round trip,
 * per espeak-ng voice × phrasing (in-domain / held-out) × language model (domain / generic en-us).
 * Argument: sentences per cell (default 6). One recogniser, turns decoded one after another.
 */
public final class RecognitionBench {
    private RecognitionBench() {
    }

    public static void main(String[] args) throws Exception {
        int perCell = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 6;
        List<String> heldOut = Corpora.lines("held-out-agent.txt");
        Corpora.requireHeldOut(heldOut);
        List<String> corpus = new ArrayList<>(Corpora.serverSettings(1).corpus());
        List<String> inDomain = new ArrayList<>();
        // evenly spaced corpus lines of 5+ words: a fixed, repeatable sample across the whole corpus
        List<String> longEnough = corpus.stream().filter(s -> SpokenText.words(s).size() >= 5).toList();
        for (int i = 0; i < perCell; i++) inDomain.add(longEnough.get(i * longEnough.size() / perCell));
        List<String> heldOutSample = heldOut.subList(0, Math.min(perCell, heldOut.size()));

        List<String> rows = new ArrayList<>();
        for (boolean generic : new boolean[] {false, true}) {
            String lm = generic ? "generic en-us" : "domain";
            try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1).withGenericLanguageModel(generic))) {
                for (PhoneChannel.Voice voice : PhoneChannel.VOICES) {
                    rows.add(row(pool, voice, "in-domain", lm, inDomain));
                    rows.add(row(pool, voice, "held-out", lm, heldOutSample));
                }
            }
        }
        System.out.println();
        System.out.println("| voice | phrasing | LM | WER | RTF | sentences (words) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String row(RecognizerPool pool, PhoneChannel.Voice voice, String phrasing, String lm,
                              List<String> sentences) throws Exception {
        int errors = 0;
        int words = 0;
        double audioSeconds = 0;
        double decodeSeconds = 0;
        for (String sentence : sentences) {
            short[] line = PhoneChannel.speak(sentence, voice);
            long start = System.nanoTime();
            String heard = pool.transcribe(line, PhoneChannel.LINE_RATE);
            decodeSeconds += (System.nanoTime() - start) / 1e9;
            audioSeconds += line.length / (double) PhoneChannel.LINE_RATE;
            List<String> reference = SpokenText.words(sentence);
            int e = WordErrorRate.errors(reference, SpokenText.words(heard));
            errors += e;
            words += reference.size();
            System.err.printf("[%s | %s | %s] %d/%d | said: %s | heard: %s%n", voice.label(), phrasing, lm, e,
                reference.size(), SpokenText.normalize(sentence), heard);
        }
        return String.format("| %s | %s | %s | %.1f%% | %.2f | %d (%d) |", voice.label(), phrasing, lm,
            100.0 * errors / words, decodeSeconds / audioSeconds, sentences.size(), words);
    }
}
