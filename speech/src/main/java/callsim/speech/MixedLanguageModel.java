package callsim.speech;

import edu.cmu.sphinx.linguist.WordSequence;
import edu.cmu.sphinx.linguist.dictionary.Dictionary;
import edu.cmu.sphinx.linguist.language.ngram.LanguageModel;
import edu.cmu.sphinx.util.LogMath;
import edu.cmu.sphinx.util.props.PropertyException;
import edu.cmu.sphinx.util.props.PropertySheet;
import edu.cmu.sphinx.util.props.S4Boolean;
import edu.cmu.sphinx.util.props.S4Component;
import edu.cmu.sphinx.util.props.S4Double;
import edu.cmu.sphinx.util.props.S4Integer;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The live language model: the call-centre domain model linearly interpolated with Sphinx4's general
 * English model, so that agent phrasing is expected but speech outside the corpus is heard as itself
 * rather than forced onto call-centre words.
 *
 * <p>{@code P(w|h) = λ·P_domain(w|h) + (1-λ)·P_generic(w|h)/Z}. Each model is asked only about words it
 * knows (a model contributes nothing for a word outside its vocabulary, and backs off past a history
 * word it lacks). The vocabulary is the domain's plus the {@code genericWords} most frequent general
 * words; Z is the general model's unigram mass on that vocabulary, so its share stays a distribution
 * over what can be recognised. Sphinx4's own {@code InterpolatedLanguageModel} cannot do this: it
 * throws for any word one of its models lacks and searches the union of both vocabularies (70,000
 * words, as slow as the general model alone).
 *
 * <p>The general model is loaded once per JVM and shared by the live recognisers ({@link GenericLanguageModel}); each recogniser
 * has its own instance of this class and its own cache.
 */
public final class MixedLanguageModel implements LanguageModel {
    @S4Component(type = LanguageModel.class)
    public static final String PROP_DOMAIN_MODEL = "domainModel";
    @S4Double(defaultValue = 0.7)
    public static final String PROP_DOMAIN_WEIGHT = "domainWeight";
    @S4Integer(defaultValue = 0)
    public static final String PROP_GENERIC_WORDS = "genericWords";
    /** Whether this recogniser's general model is its own rather than the one shared by the live recognisers. */
    @S4Boolean(defaultValue = false)
    public static final String PROP_OWN_GENERIC_MODEL = "ownGenericModel";

    private static final int CACHE_SIZE = 200_000;

    private LanguageModel domain;
    private Dictionary dictionary;
    private double domainWeight;
    private int genericWords;
    private int maxDepth;
    private boolean ownGenericModel;

    private GenericLanguageModel generic;
    private LogMath logMath;
    private float logDomainWeight;
    private float logGenericWeight; // (1-λ)/Z, in log
    private Set<String> vocabulary;
    private Set<String> domainVocabulary;
    private final Map<WordSequence, Float> cache = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WordSequence, Float> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    @Override
    public void newProperties(PropertySheet ps) throws PropertyException {
        domain = (LanguageModel) ps.getComponent(PROP_DOMAIN_MODEL);
        dictionary = (Dictionary) ps.getComponent(PROP_DICTIONARY);
        domainWeight = ps.getDouble(PROP_DOMAIN_WEIGHT);
        if (domainWeight <= 0 || domainWeight > 1) {
            throw new PropertyException(ps.getInstanceName(), PROP_DOMAIN_WEIGHT, "must be in (0, 1]: " + domainWeight);
        }
        genericWords = ps.getInt(PROP_GENERIC_WORDS);
        maxDepth = ps.getInt(PROP_MAX_DEPTH);
        ownGenericModel = ps.getBoolean(PROP_OWN_GENERIC_MODEL);
    }

    @Override
    public void allocate() throws IOException {
        logMath = LogMath.getLogMath();
        domain.allocate();
        domainVocabulary = domain.getVocabulary();
        Set<String> words = new HashSet<>(domainVocabulary);
        logDomainWeight = logMath.linearToLog(domainWeight);
        if (domainWeight < 1) {
            generic = ownGenericModel ? GenericLanguageModel.unshared() : GenericLanguageModel.bundled();
            int added = 0;
            for (String word : generic.wordsByFrequency()) {
                if (added >= genericWords) break;
                if (dictionary.getWord(word) != null && words.add(word)) added++;
            }
            double mass = 0;
            for (String word : words) {
                if (word.startsWith("<") || !generic.knows(word)) continue;
                mass += logMath.logToLinear(generic.logProbability(new WordSequence(dictionary.getWord(word))));
            }
            logGenericWeight = logMath.linearToLog((1 - domainWeight) / mass);
        }
        vocabulary = Collections.unmodifiableSet(words);
        if (maxDepth <= 0) maxDepth = 3;
    }

    @Override
    public void deallocate() throws IOException {
        domain.deallocate();
        synchronized (cache) {
            cache.clear();
        }
    }

    @Override
    public float getProbability(WordSequence sequence) {
        synchronized (cache) {
            Float cached = cache.get(sequence);
            if (cached != null) return cached;
        }
        float logDomain = domain.getProbability(sequence);
        float logP = logDomain > LogMath.LOG_ZERO ? logDomainWeight + logDomain : LogMath.LOG_ZERO;
        if (generic != null) {
            float logGeneric = generic.logProbability(sequence);
            if (logGeneric > LogMath.LOG_ZERO) {
                float share = logGenericWeight + logGeneric;
                logP = logP > LogMath.LOG_ZERO ? logMath.addAsLinear(logP, share) : share;
            }
        }
        synchronized (cache) {
            cache.put(sequence, logP);
        }
        return logP;
    }

    @Override
    public float getSmear(WordSequence sequence) {
        return 0; // as Sphinx4's own n-gram models: unigram smearing is not implemented
    }

    @Override
    public Set<String> getVocabulary() {
        return vocabulary;
    }

    @Override
    public int getMaxDepth() {
        return maxDepth;
    }

    @Override
    public void onUtteranceEnd() {
        domain.onUtteranceEnd();
    }
}
