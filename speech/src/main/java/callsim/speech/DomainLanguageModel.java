package callsim.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Builds a small trigram language model in ARPA text form from example sentences, as Sphinx4's
 * {@code SimpleNGramModel} reads it.
 *
 * <p>Smoothing is interpolated Witten-Bell, written in back-off form: an n-gram seen after context
 * h gets {@code P(w|h) = λ·c(h w)/c(h) + (1-λ)·P(w|shorter h)} with {@code λ = c(h)/(c(h)+T(h))}
 * (T = distinct words seen after h), and the back-off weight of h is {@code 1-λ}, which makes
 * every context's distribution sum to one. Witten-Bell needs no count-of-counts, so it stays sound
 * on a corpus of a few hundred sentences where Good-Turing/Kneser-Ney estimates are unstable.
 *
 * <p>The vocabulary is closed: {@code <s>} and {@code </s>} but no {@code <unk>} (Sphinx4 would map
 * it to an unpronounceable word). Words the recogniser cannot pronounce are dropped from the corpus.
 */
public final class DomainLanguageModel {
    /** Classpath resource (next to this class) with what call-centre agents say, one sentence a line. */
    public static final String AGENT_PHRASES = "agent-phrases.txt";

    static final String START = "<s>";
    static final String END = "</s>";
    private static final System.Logger LOG = System.getLogger(DomainLanguageModel.class.getName());

    private DomainLanguageModel() {
    }

    /** The ARPA text for {@code sentences}, restricted to words of the bundled pronunciation dictionary. */
    public static String arpa(List<String> sentences) {
        PronunciationDictionary dictionary = PronunciationDictionary.bundled();
        return arpa(sentences, dictionary::contains);
    }

    /**
     * The ARPA text for {@code sentences}, keeping only words for which {@code pronounceable} holds
     * (after {@link SpokenText} normalisation; a hyphenated word not in the dictionary is split).
     *
     * @throws IllegalArgumentException if no pronounceable word remains
     */
    public static String arpa(List<String> sentences, Predicate<String> pronounceable) {
        NGramCounts counts = new NGramCounts();
        SortedSet<String> dropped = new TreeSet<>();
        for (String sentence : sentences) {
            List<String> words = new ArrayList<>();
            for (String word : SpokenText.words(sentence)) {
                if (pronounceable.test(word)) {
                    words.add(word);
                } else if (word.contains("-")) {
                    for (String part : word.split("-+")) {
                        if (part.isEmpty()) continue;
                        if (pronounceable.test(part)) words.add(part); else dropped.add(part);
                    }
                } else {
                    dropped.add(word);
                }
            }
            if (!words.isEmpty()) counts.addSentence(words);
        }
        if (!dropped.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "language model: dropped {0} words not in the pronunciation dictionary: {1}",
                dropped.size(), String.join(" ", dropped));
        }
        if (counts.unigrams.isEmpty()) throw new IllegalArgumentException("no pronounceable words in the corpus");
        return new Estimator(counts).toArpa();
    }

    /** The bundled agent phrase corpus: non-blank lines not starting with '#'. */
    public static List<String> agentPhrases() {
        try (InputStream in = DomainLanguageModel.class.getResourceAsStream(AGENT_PHRASES)) {
            if (in == null) throw new IllegalStateException("missing resource " + AGENT_PHRASES);
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) lines.add(trimmed);
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AGENT_PHRASES, e);
        }
    }

    /** Raw n-gram counts; keys are words joined by single spaces. */
    private static final class NGramCounts {
        final Map<String, Integer> unigrams = new TreeMap<>();
        final Map<String, Integer> bigrams = new TreeMap<>();
        final Map<String, Integer> trigrams = new TreeMap<>();
        int predictedTokens;

        void addSentence(List<String> words) {
            List<String> padded = new ArrayList<>(words.size() + 2);
            padded.add(START);
            padded.addAll(words);
            padded.add(END);
            for (int i = 1; i < padded.size(); i++) {
                unigrams.merge(padded.get(i), 1, Integer::sum);
                predictedTokens++;
                bigrams.merge(padded.get(i - 1) + " " + padded.get(i), 1, Integer::sum);
                if (i >= 2) trigrams.merge(padded.get(i - 2) + " " + padded.get(i - 1) + " " + padded.get(i), 1, Integer::sum);
            }
        }
    }

    /** Witten-Bell estimates and their ARPA rendering. */
    private static final class Estimator {
        private final NGramCounts counts;
        private final Map<String, Double> unigramProb = new HashMap<>();
        private final Map<String, Double> bigramProb = new HashMap<>();
        private final Map<String, Double> trigramProb = new HashMap<>();
        private final Map<String, Double> backoff = new HashMap<>();

        Estimator(NGramCounts counts) {
            this.counts = counts;
            counts.unigrams.forEach((w, c) -> unigramProb.put(w, c / (double) counts.predictedTokens));
            Map<String, int[]> bigramContexts = contexts(counts.bigrams);
            counts.bigrams.forEach((bigram, c) -> {
                int[] context = bigramContexts.get(head(bigram));
                bigramProb.put(bigram, wittenBell(c, context, unigramProb.get(tail(bigram))));
            });
            bigramContexts.forEach((context, totals) -> backoff.put(context, 1 - lambda(totals)));
            Map<String, int[]> trigramContexts = contexts(counts.trigrams);
            counts.trigrams.forEach((trigram, c) -> {
                int[] context = trigramContexts.get(head(trigram));
                trigramProb.put(trigram, wittenBell(c, context, bigramBackedOff(tail(trigram))));
            });
            trigramContexts.forEach((context, totals) -> backoff.put(context, 1 - lambda(totals)));
        }

        /** Interpolates the relative frequency in a context with the lower-order probability. */
        private static double wittenBell(int count, int[] contextTotals, double lowerOrder) {
            double lambda = lambda(contextTotals);
            return lambda * count / contextTotals[0] + (1 - lambda) * lowerOrder;
        }

        /** λ = c(h) / (c(h) + T(h)): how much of the context's mass goes to words already seen after it. */
        private static double lambda(int[] contextTotals) {
            return contextTotals[0] / (double) (contextTotals[0] + contextTotals[1]);
        }

        /** For every context of the n-grams: {total count, number of distinct following words}. */
        private static Map<String, int[]> contexts(Map<String, Integer> ngrams) {
            Map<String, int[]> totals = new HashMap<>();
            ngrams.forEach((ngram, c) -> {
                int[] t = totals.computeIfAbsent(head(ngram), k -> new int[2]);
                t[0] += c;
                t[1]++;
            });
            return totals;
        }

        /** P(w|v) as the back-off model evaluates it, for any pair "v w". */
        private double bigramBackedOff(String pair) {
            Double seen = bigramProb.get(pair);
            if (seen != null) return seen;
            return backoff.getOrDefault(head(pair), 1.0) * unigramProb.get(tail(pair));
        }

        String toArpa() {
            StringBuilder sb = new StringBuilder();
            sb.append("\\data\\\n");
            sb.append("ngram 1=").append(counts.unigrams.size() + 1).append('\n');
            sb.append("ngram 2=").append(counts.bigrams.size()).append('\n');
            sb.append("ngram 3=").append(counts.trigrams.size()).append("\n\n");
            sb.append("\\1-grams:\n");
            // <s> is never predicted: the conventional -99 stands for log10(0)
            line(sb, -99, START, backoff.get(START));
            counts.unigrams.keySet().forEach(w -> line(sb, Math.log10(unigramProb.get(w)), w, backoff.get(w)));
            sb.append("\n\\2-grams:\n");
            counts.bigrams.keySet().forEach(b -> line(sb, Math.log10(bigramProb.get(b)), b, backoff.get(b)));
            sb.append("\n\\3-grams:\n");
            counts.trigrams.keySet().forEach(t -> line(sb, Math.log10(trigramProb.get(t)), t, null));
            sb.append("\n\\end\\\n");
            return sb.toString();
        }

        private static void line(StringBuilder sb, double log10Prob, String ngram, Double backoffWeight) {
            sb.append(String.format(Locale.ROOT, "%.6f", log10Prob)).append(' ').append(ngram);
            if (backoffWeight != null) sb.append(' ').append(String.format(Locale.ROOT, "%.6f", Math.log10(backoffWeight)));
            sb.append('\n');
        }

        private static String head(String ngram) {
            return ngram.substring(0, ngram.lastIndexOf(' '));
        }

        private static String tail(String ngram) {
            return ngram.substring(ngram.indexOf(' ') + 1);
        }
    }
}
