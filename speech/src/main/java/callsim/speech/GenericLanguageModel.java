package callsim.speech;

import edu.cmu.sphinx.linguist.WordSequence;
import edu.cmu.sphinx.linguist.dictionary.Dictionary;
import edu.cmu.sphinx.linguist.dictionary.Word;
import edu.cmu.sphinx.linguist.language.ngram.trie.NgramTrieModel;
import edu.cmu.sphinx.util.LogMath;
import edu.cmu.sphinx.util.props.PropertySheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sphinx4's general English trigram model (en-us.lm.bin, ~27 MB, 3-gram trie), loaded once per JVM and
 * shared by every live recogniser that mixes it in ({@link MixedLanguageModel}; the post-call one has its own). Sphinx4's
 * {@code NgramTrieModel} keeps per-query state and a cache that are not thread-safe, and it throws for
 * a word it does not know; this wrapper serialises the queries and asks only about known words.
 */
final class GenericLanguageModel {
    static final String BUNDLED = "/edu/cmu/sphinx/models/en-us/en-us.lm.bin";

    private static GenericLanguageModel bundled;

    private final NgramTrieModel trie;
    private final Set<String> vocabulary;
    private List<String> byFrequency; // computed once, on first use

    private GenericLanguageModel(NgramTrieModel trie) {
        this.trie = trie;
        this.vocabulary = trie.getVocabulary();
    }

    /** The model shipped in sphinx4-data, loaded on first use (about 1 s) and shared. */
    static synchronized GenericLanguageModel bundled() {
        if (bundled == null) bundled = unshared();
        return bundled;
    }

    /**
     * A copy of its own (about 30 MB), for a recogniser that decodes at the lowest thread priority: sharing the
     * query lock with live recognisers, it would hold them up whenever it is preempted holding it.
     */
    static GenericLanguageModel unshared() {
        URL location = GenericLanguageModel.class.getResource(BUNDLED);
        if (location == null) throw new IllegalStateException("sphinx4-data is not on the classpath: " + BUNDLED);
        NgramTrieModel trie = new NgramTrieModel("", location, null, 100_000, false, 3, new SpellingDictionary(),
            false, 1.0f, 1.0, 1.0f);
        SphinxLogging.quiet(); // before allocate: it logs its load at INFO
        try {
            trie.allocate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + BUNDLED, e);
        }
        SphinxLogging.quiet();
        return new GenericLanguageModel(trie);
    }

    boolean knows(String word) {
        return vocabulary.contains(word);
    }

    /**
     * log P(last word | the words before it), in Sphinx4's {@link LogMath} base; LOG_ZERO for a word the
     * model does not know. The history is cut after the newest word the model does not know (it backs
     * off past it, as any n-gram model would past an unseen context).
     */
    float logProbability(WordSequence sequence) {
        int n = sequence.size();
        if (!knows(sequence.getWord(n - 1).getSpelling())) return LogMath.LOG_ZERO;
        int first = n - 1;
        while (first > 0 && knows(sequence.getWord(first - 1).getSpelling())) first--;
        WordSequence known = first == 0 ? sequence : sequence.getSubSequence(first, n);
        synchronized (trie) {
            return trie.getProbability(known);
        }
    }

    /** The model's words by falling unigram probability, without sentence markers. */
    synchronized List<String> wordsByFrequency() {
        if (byFrequency != null) return byFrequency;
        Map<String, Float> unigram = new HashMap<>();
        for (String word : vocabulary) {
            if (word.startsWith("<")) continue;
            unigram.put(word, logProbability(new WordSequence(new Word(word, null, false))));
        }
        List<String> words = new ArrayList<>(unigram.keySet());
        words.sort(Comparator.comparing((String w) -> unigram.get(w)).reversed().thenComparing(w -> w));
        byFrequency = List.copyOf(words);
        return byFrequency;
    }

    /** Lets the trie map its words without a pronunciation dictionary: a word is its spelling. */
    private static final class SpellingDictionary implements Dictionary {
        @Override
        public Word getWord(String text) {
            return new Word(text, null, false);
        }

        @Override
        public Word getSentenceStartWord() {
            return getWord(SENTENCE_START_SPELLING);
        }

        @Override
        public Word getSentenceEndWord() {
            return getWord(SENTENCE_END_SPELLING);
        }

        @Override
        public Word getSilenceWord() {
            return getWord(SILENCE_SPELLING);
        }

        @Override
        public Word[] getFillerWords() {
            return new Word[0];
        }

        @Override
        public void allocate() {
        }

        @Override
        public void deallocate() {
        }

        @Override
        public void newProperties(PropertySheet ps) {
        }
    }
}
