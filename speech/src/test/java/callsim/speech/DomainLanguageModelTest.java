package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import edu.cmu.sphinx.linguist.WordSequence;
import edu.cmu.sphinx.linguist.acoustic.UnitManager;
import edu.cmu.sphinx.linguist.dictionary.TextDictionary;
import edu.cmu.sphinx.linguist.language.ngram.SimpleNGramModel;
import edu.cmu.sphinx.util.LogMath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLanguageModelTest {
    private static final List<String> SMALL_CORPUS = List.of(
        "I'm sorry you were charged twice.",
        "I'm sorry the technician didn't come.",
        "I can refund the charge today.",
        "Can I have your account number, please?",
        "I can credit your account today.",
        "Mm-hm, I see.");

    @Test
    void headerCountsMatchTheSections() {
        Arpa arpa = Arpa.parse(DomainLanguageModel.arpa(SMALL_CORPUS));

        for (int order = 1; order <= 3; order++) {
            assertThat(arpa.ngrams(order)).as("%d-grams", order).hasSize(arpa.declaredCount(order));
        }
        assertThat(arpa.ngrams(1).keySet()).contains("<s>", "</s>", "i'm", "mhm", "didn't").doesNotContain("<unk>");
    }

    @Test
    void everyContextDistributionSumsToOneAfterBackOff() {
        Arpa arpa = Arpa.parse(DomainLanguageModel.arpa(SMALL_CORPUS));
        List<String> vocabulary = arpa.ngrams(1).keySet().stream().filter(w -> !w.equals("<s>")).toList();

        assertThat(sum(arpa, List.of(), vocabulary)).isCloseTo(1.0, within(1e-4));
        for (String context : arpa.ngrams(1).keySet()) {
            if (context.equals("</s>")) continue;
            assertThat(sum(arpa, List.of(context), vocabulary)).as("P(.|%s)", context).isCloseTo(1.0, within(1e-4));
        }
        for (String bigram : arpa.ngrams(2).keySet()) {
            if (bigram.endsWith("</s>")) continue;
            List<String> context = List.of(bigram.split(" "));
            assertThat(sum(arpa, context, vocabulary)).as("P(.|%s)", bigram).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void seenTrigramsAreMoreLikelyThanBackedOffOnes() {
        Arpa arpa = Arpa.parse(DomainLanguageModel.arpa(SMALL_CORPUS));

        assertThat(arpa.probability(List.of("i", "can", "refund"))).isGreaterThan(arpa.probability(List.of("i", "can", "sorry")));
        assertThat(arpa.probability(List.of("i", "can", "sorry"))).isGreaterThan(0);
    }

    @Test
    void wordsOutsideTheDictionaryAreDroppedAndHyphenatedWordsSplit() {
        Set<String> known = Set.of("please", "call", "the", "help", "desk", "back");
        Arpa arpa = Arpa.parse(DomainLanguageModel.arpa(List.of("Please call the help-desk back, Zorblax!"), known::contains));

        assertThat(arpa.ngrams(1).keySet()).containsExactlyInAnyOrder("<s>", "</s>", "please", "call", "the", "help",
            "desk", "back");
        assertThat(arpa.ngrams(2)).containsKey("help desk");
    }

    @Test
    void aCorpusWithoutPronounceableWordsIsRejected() {
        assertThatThrownBy(() -> DomainLanguageModel.arpa(List.of("Zorblax qwfp!"), w -> false))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sphinxLoadsTheAgentCorpusModelWithTheSameProbabilities(@TempDir Path dir) throws Exception {
        SphinxLogging.quiet();
        String text = DomainLanguageModel.arpa(DomainLanguageModel.agentPhrases());
        Path file = dir.resolve("domain.lm");
        Files.writeString(file, text);
        TextDictionary dictionary = new TextDictionary(ReusableSpeechRecognizer.DICTIONARY,
            ReusableSpeechRecognizer.ACOUSTIC_MODEL + "/noisedict", null, false, null, new UnitManager());
        dictionary.allocate();
        SimpleNGramModel model = new SimpleNGramModel(file.toUri().toURL(), dictionary, 0.7f, 3);

        model.allocate();

        Arpa arpa = Arpa.parse(text);
        assertThat(model.getMaxDepth()).isEqualTo(3);
        assertThat(model.getVocabulary()).hasSize(arpa.declaredCount(1)).contains("refund", "supervisor", "mhm");
        WordSequence seen = WordSequence.asWordSequence(dictionary, "i", "can", "refund");
        LogMath logMath = LogMath.getLogMath();
        assertThat(logMath.logToLinear(model.getProbability(seen)))
            .isCloseTo(arpa.probability(List.of("i", "can", "refund")), within(1e-4));
    }

    private static double sum(Arpa arpa, List<String> context, List<String> vocabulary) {
        double total = 0;
        for (String word : vocabulary) {
            List<String> ngram = new ArrayList<>(context);
            ngram.add(word);
            total += arpa.probability(ngram);
        }
        return total;
    }

    /** A minimal ARPA reader that evaluates probabilities with back-off, independent of the builder. */
    private record Arpa(Map<Integer, Integer> declared, Map<Integer, Map<String, double[]>> sections) {
        static Arpa parse(String text) {
            Map<Integer, Integer> declared = new HashMap<>();
            Map<Integer, Map<String, double[]>> sections = new HashMap<>();
            int order = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("ngram ")) {
                    String[] kv = line.substring(6).split("=");
                    declared.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
                } else if (line.matches("\\\\\\d-grams:")) {
                    order = line.charAt(1) - '0';
                    sections.put(order, new LinkedHashMap<>());
                } else if (order > 0 && !line.isBlank() && !line.startsWith("\\")) {
                    String[] f = line.trim().split("\\s+");
                    String ngram = String.join(" ", List.of(f).subList(1, 1 + order));
                    double backoff = f.length > order + 1 ? Double.parseDouble(f[order + 1]) : 0;
                    assertThat(sections.get(order).put(ngram, new double[] {Double.parseDouble(f[0]), backoff}))
                        .as("duplicate n-gram %s", ngram).isNull();
                }
            }
            return new Arpa(declared, sections);
        }

        int declaredCount(int order) {
            return declared.get(order);
        }

        Map<String, double[]> ngrams(int order) {
            return sections.getOrDefault(order, Map.of());
        }

        double probability(List<String> ngram) {
            double[] entry = ngrams(ngram.size()).get(String.join(" ", ngram));
            if (entry != null) return Math.pow(10, entry[0]);
            if (ngram.size() == 1) return 0;
            double[] context = ngrams(ngram.size() - 1).get(String.join(" ", ngram.subList(0, ngram.size() - 1)));
            double backoff = context == null ? 1 : Math.pow(10, context[1]);
            return backoff * probability(ngram.subList(1, ngram.size()));
        }
    }
}
