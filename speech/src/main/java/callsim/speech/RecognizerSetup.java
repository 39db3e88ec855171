package callsim.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a recogniser searches: its language model and the Sphinx4 search and front-end settings that
 * trade decoding CPU for accuracy. The named set-ups are the ones measured in BENCHMARKS.md (c); the
 * bench can compare any two of them on the same audio ({@code bench/run recognition --vs NAME}).
 *
 * @param name              how the set-up is named on the command line and in the bench
 * @param languageModel     which language model the search uses
 * @param domainWeight      the domain model's share in the mixed model (1 = domain only)
 * @param genericWords      how many of the general model's most frequent words join the domain
 *                          vocabulary in the mixed model (more: speech off the corpus is heard better,
 *                          decoding costs more)
 * @param absoluteBeamWidth most active search paths kept per frame: decoding cost follows it
 * @param relativeBeamWidth paths scoring below the frame's best by more than this factor are dropped: tight (live's
 *                          1e-42) it bounds the work on clear frames before the absolute beam does; at 1e-60 the
 *                          absolute beam does all the pruning
 * @param wordBeamWidth     most paths kept per frame at word ends, where each grows into the whole
 *                          vocabulary's first sounds
 * @param languageWeight    how much the language model counts against the acoustics
 * @param phoneLookahead    Sphinx4's phone-loop lookahead search (off: the plain word-pruning search,
 *                          which skips growing paths every {@code growSkipInterval} frames)
 * @param growSkipInterval  0, or N: every N-th frame grows no new paths (plain search only)
 * @param phoneFrontEnd     the explicit phone front end (no noise removal, slight dither) instead of
 *                          the model's own automatic one
 * @param speakerAdaptation each agent's turns adapt the acoustic model to their voice for their later
 *                          turns ({@link SpeakerAdaptation}); needs the phone front end's per-speaker profile
 * @param channelPrior      an agent's first turns, before their voice is learnt, are heard through the phone line's
 *                          adaptation in general ({@link ChannelPrior}) rather than the model as loaded; needs
 *                          {@code speakerAdaptation}
 * @param cachedStates      0, or how many states' successors the plain search keeps between frames
 *                          ({@link CachedArcsSearchManager})
 * @param catchUpBeamWidth  0, or the narrowest absolute beam while decoding is behind live audio
 *                          ({@link CatchUpActiveListFactory}; never wider than {@code absoluteBeamWidth});
 *                          0: the beam never narrows
 */
public record RecognizerSetup(String name, LanguageModelKind languageModel, double domainWeight, int genericWords,
                              int absoluteBeamWidth, double relativeBeamWidth, int wordBeamWidth, double languageWeight,
                              boolean phoneLookahead, int growSkipInterval, boolean phoneFrontEnd,
                              boolean speakerAdaptation, boolean channelPrior, int cachedStates, int catchUpBeamWidth) {

    /** The language model a set-up searches with. */
    public enum LanguageModelKind {
        /** The call-centre corpus alone (closed vocabulary): forces everything onto agent phrasing. */
        DOMAIN,
        /** Sphinx4's general English model alone (en-us, ~70,000 words): slow, and weak on agent phrasing. */
        GENERIC,
        /** The domain model interpolated with the general one ({@link MixedLanguageModel}). */
        MIXED
    }

    private static final String CONFIG = "recognizer.config.xml";

    /** {@code genericWords} for every word of the general model (~72,500). */
    public static final int ALL_GENERAL_WORDS = Integer.MAX_VALUE;
    /**
     * Live calls: the mixed model with the general model's whole vocabulary, and a search cheap enough to follow many
     * drills on two cores. A relative beam of 1e-42 keeps few paths where one sound is clear, up to 4,000 where many
     * score alike; an agent's first turns are heard through the phone line's prior ({@link ChannelPrior}), later ones
     * through their own voice's adaptation; keeping 20,000 states' successors between frames takes 12-19% off the CPU
     * for the same words. Against the 5,000-word search before it (3,000 paths, no relative beam, no prior): LibriVox
     * read speech 44% wrong instead of 56%, every held-out voice as well or better, espeak-ng on corpus sentences
     * worse (15% against 8%), at 0.8x the CPU (BENCHMARKS.md (c), ninth session). While a turn's decoding is behind
     * the call's audio (more agents talking than the cores keep up with), the beam narrows toward 1,200 until it
     * catches up (BENCHMARKS.md (a)).
     */
    public static final RecognizerSetup LIVE = new RecognizerSetup("live", LanguageModelKind.MIXED, 0.5, ALL_GENERAL_WORDS,
        4000, 1e-42, 200, 10, false, 3, true, true, true, 20_000, 1200);
    /**
     * Recordings (transcribe, post-call transcripts): the same mix with the general model's whole vocabulary
     * (a recording can be about anything) and the wide search of the first release; several times the
     * CPU of {@link #LIVE}, never on a live call's path. The whole vocabulary took LibriVox read speech from
     * 46% to 35% of words wrong with this search (BENCHMARKS.md (c)).
     */
    public static final RecognizerSetup ACCURATE = new RecognizerSetup("accurate", LanguageModelKind.MIXED, 0.5,
        ALL_GENERAL_WORDS, 10000, 1e-60, 200, 8, true, 0, true, true, false, 0, 0);
    /** The first release's live set-up (domain model, wide search), kept to measure against. */
    public static final RecognizerSetup DOMAIN = new RecognizerSetup("domain", LanguageModelKind.DOMAIN, 1, 0, 10000,
        1e-60, 200, 8, true, 0, false, false, false, 0, 0);
    /** Sphinx4's general model with the wide search, for recordings about anything. */
    public static final RecognizerSetup GENERIC = new RecognizerSetup("generic", LanguageModelKind.GENERIC, 0, 0, 10000,
        1e-60, 200, 8, true, 0, false, false, false, 0, 0);

    public static final List<RecognizerSetup> NAMED = List.of(LIVE, ACCURATE, DOMAIN, GENERIC);

    public RecognizerSetup {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a set-up needs a name");
        if (languageModel == null) throw new IllegalArgumentException("languageModel must not be null");
        if (languageModel == LanguageModelKind.MIXED && !(domainWeight > 0 && domainWeight < 1)) {
            throw new IllegalArgumentException("a mixed model's domainWeight must be between 0 and 1: " + domainWeight);
        }
        if (genericWords < 0) throw new IllegalArgumentException("genericWords must not be negative: " + genericWords);
        if (absoluteBeamWidth < 100) throw new IllegalArgumentException("absoluteBeamWidth too small: " + absoluteBeamWidth);
        if (!(relativeBeamWidth > 0 && relativeBeamWidth <= 1)) {
            throw new IllegalArgumentException("relativeBeamWidth must be above 0 and at most 1: " + relativeBeamWidth);
        }
        if (wordBeamWidth < 10) throw new IllegalArgumentException("wordBeamWidth too small: " + wordBeamWidth);
        if (languageWeight <= 0) throw new IllegalArgumentException("languageWeight must be positive: " + languageWeight);
        if (growSkipInterval < 0) throw new IllegalArgumentException("growSkipInterval must not be negative");
        if (cachedStates < 0) throw new IllegalArgumentException("cachedStates must not be negative");
        if (cachedStates > 0 && phoneLookahead) {
            throw new IllegalArgumentException("cachedStates applies to the plain search (phoneLookahead=false)");
        }
        if (catchUpBeamWidth != 0 && catchUpBeamWidth < 100) {
            throw new IllegalArgumentException("catchUpBeamWidth must be 0 (never narrows) or at least 100: " + catchUpBeamWidth);
        }
        if (speakerAdaptation && !phoneFrontEnd) {
            throw new IllegalArgumentException("speakerAdaptation needs phoneFrontEnd (the per-speaker profile lives there)");
        }
        if (channelPrior && !speakerAdaptation) {
            throw new IllegalArgumentException("channelPrior needs speakerAdaptation (the prior is where adapting starts)");
        }
    }

    /** The named set-up, e.g. "live"; fails listing the names it knows. */
    public static RecognizerSetup named(String name) {
        for (RecognizerSetup setup : NAMED) {
            if (setup.name.equals(name)) return setup;
        }
        throw new IllegalArgumentException("no recogniser set-up '" + name + "'; known: "
            + String.join(", ", NAMED.stream().map(RecognizerSetup::name).toList()));
    }

    /** Whether recognisers of this set-up need the domain language model file. */
    boolean usesDomainModel() {
        return languageModel != LanguageModelKind.GENERIC;
    }

    /**
     * The Sphinx4 configuration for this set-up. Sphinx4 builds a recogniser's whole component graph
     * while reading its configuration, so the values must be in the file itself rather than set after.
     *
     * @param domainModelLocation URL of the domain ARPA file (ignored by the generic set-up)
     */
    String configXml(String domainModelLocation) {
        return configXml(domainModelLocation, false);
    }

    /**
     * As {@link #configXml(String)}; with {@code ownGenericModel} the mixed model loads a general model of its own
     * instead of sharing the live recognisers' (for a recogniser decoding at the lowest thread priority).
     */
    String configXml(String domainModelLocation, boolean ownGenericModel) {
        String template;
        try (InputStream in = RecognizerSetup.class.getResourceAsStream(CONFIG)) {
            if (in == null) throw new IllegalStateException("missing resource " + CONFIG);
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONFIG, e);
        }
        Map<String, String> values = Map.ofEntries(
            Map.entry("searchManager", phoneLookahead ? "wordPruningLookaheadSearchManager"
                : cachedStates > 0 ? "cachedArcsSearchManager" : "wordPruningSearchManager"),
            // the component is not used without a cache, but Sphinx4 still reads (and checks) its properties
            Map.entry("cachedStates", Integer.toString(Math.max(1, cachedStates))),
            Map.entry("frontEnd", phoneFrontEnd ? "phoneFrontEnd" : "liveFrontEnd"),
            Map.entry("languageModel", switch (languageModel) {
                case DOMAIN -> "simpleNGramModel";
                case GENERIC -> "trieNgramModel";
                case MIXED -> "mixedModel";
            }),
            Map.entry("domainModelLocation", domainModelLocation == null ? "" : domainModelLocation),
            Map.entry("domainWeight", String.format(Locale.ROOT, "%.4f", languageModel == LanguageModelKind.MIXED ? domainWeight : 1.0)),
            Map.entry("genericWords", Integer.toString(genericWords)),
            Map.entry("ownGenericModel", Boolean.toString(ownGenericModel)),
            Map.entry("growSkipInterval", Integer.toString(growSkipInterval)),
            Map.entry("absoluteBeamWidth", Integer.toString(absoluteBeamWidth)),
            Map.entry("relativeBeamWidth", Double.toString(relativeBeamWidth)),
            Map.entry("catchUpBeamWidth", Integer.toString(catchUpBeamWidth == 0 ? absoluteBeamWidth : catchUpBeamWidth)),
            Map.entry("wordBeamWidth", Integer.toString(wordBeamWidth)),
            Map.entry("languageWeight", String.format(Locale.ROOT, "%.2f", languageWeight)));
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.replace("@" + value.getKey() + "@", value.getValue());
        }
        if (template.matches("(?s).*value=\"@\\w+@\".*")) throw new IllegalStateException("unfilled value in " + CONFIG);
        return template;
    }

    /** A copy with other values, for measuring variants in the bench ("live,absoluteBeamWidth=2000"). */
    public RecognizerSetup with(String key, String value) {
        double weight = domainWeight;
        int words = genericWords;
        int beam = absoluteBeamWidth;
        double relativeBeam = relativeBeamWidth;
        int wordBeam = wordBeamWidth;
        double lmWeight = languageWeight;
        boolean lookahead = phoneLookahead;
        int growSkip = growSkipInterval;
        boolean frontEnd = phoneFrontEnd;
        boolean adapt = speakerAdaptation;
        boolean prior = channelPrior;
        int cached = cachedStates;
        int catchUp = catchUpBeamWidth;
        switch (key) {
            case "domainWeight" -> weight = Double.parseDouble(value);
            case "genericWords" -> words = Integer.parseInt(value);
            case "absoluteBeamWidth" -> beam = Integer.parseInt(value);
            case "relativeBeamWidth" -> relativeBeam = Double.parseDouble(value);
            case "wordBeamWidth" -> wordBeam = Integer.parseInt(value);
            case "languageWeight" -> lmWeight = Double.parseDouble(value);
            case "phoneLookahead" -> lookahead = Boolean.parseBoolean(value);
            case "growSkipInterval" -> growSkip = Integer.parseInt(value);
            case "phoneFrontEnd" -> frontEnd = Boolean.parseBoolean(value);
            case "speakerAdaptation" -> {
                adapt = Boolean.parseBoolean(value);
                prior &= adapt; // the prior is where adapting starts: no adapting, no prior
            }
            case "channelPrior" -> prior = Boolean.parseBoolean(value);
            case "cachedStates" -> cached = Integer.parseInt(value);
            case "catchUpBeamWidth" -> catchUp = Integer.parseInt(value);
            default -> throw new IllegalArgumentException("cannot vary '" + key + "' (domainWeight, genericWords, "
                + "absoluteBeamWidth, relativeBeamWidth, wordBeamWidth, languageWeight, phoneLookahead, growSkipInterval, phoneFrontEnd, speakerAdaptation, channelPrior, cachedStates, catchUpBeamWidth)");
        }
        return new RecognizerSetup(name + "," + key + "=" + value, languageModel, weight, words, beam, relativeBeam, wordBeam,
            lmWeight, lookahead, growSkip, frontEnd, adapt, prior, cached, catchUp);
    }

    /** "live" or "live,absoluteBeamWidth=2000,genericWords=5000": a named set-up with variations. */
    public static RecognizerSetup parse(String spec) {
        String[] parts = spec.split(",");
        RecognizerSetup setup = named(parts[0].strip());
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("expected KEY=VALUE in '" + spec + "': " + parts[i]);
            setup = setup.with(kv[0].strip(), kv[1].strip());
        }
        return setup;
    }
}
