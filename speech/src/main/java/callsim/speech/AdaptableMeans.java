package callsim.speech;

import edu.cmu.sphinx.linguist.acoustic.tiedstate.Pool;
import edu.cmu.sphinx.linguist.acoustic.tiedstate.Sphinx3Loader;

/**
 * One recogniser's acoustic-model means, switchable between speakers: it keeps a copy of the means as
 * loaded (0.84 MB) and, at the start of each turn, rewrites the live means for that turn's speaker
 * ({@link SpeakerAdaptation.MeanTransform}) or back to the originals. Sphinx4 scores with the mean arrays
 * themselves, so the change takes effect at once; the Gaussian scores it caches per frame are cleared.
 *
 * <p>Not thread-safe: used on the recogniser's own decoding thread only.
 */
final class AdaptableMeans {
    private final Sphinx3Loader loader;
    private final Pool<float[]> means;
    private final float[][] original;
    private final int streams;
    private final int gaussiansPerStream;
    private final int dimension;
    private final int[] senoneToCodebook;
    private final SpeakerAdaptation.MeanTransform channelPrior;
    private SpeakerAdaptation.MeanTransform applied;

    /**
     * @param channelPrior what a speaker is heard through before enough of their speech is in to adapt to
     *                     ({@link ChannelPrior}); null: the model as loaded
     * @throws IllegalArgumentException if the prior was made for a model of another shape
     */
    AdaptableMeans(Sphinx3Loader loader, SpeakerAdaptation.MeanTransform channelPrior) {
        this.loader = loader;
        this.means = loader.getMeansPool();
        this.streams = loader.getNumStreams();
        this.gaussiansPerStream = loader.getNumGaussiansPerState();
        int[] lengths = loader.getVectorLength();
        for (int length : lengths) {
            if (length != lengths[0]) throw new IllegalArgumentException("feature streams of unequal length");
        }
        this.dimension = lengths[0];
        this.senoneToCodebook = loader.hasTiedMixtures() ? loader.getSenone2Ci() : null;
        if (channelPrior != null && !channelPrior.fits(streams, dimension)) {
            throw new IllegalArgumentException("the phone line's prior (" + ChannelPrior.RESOURCE + ") was made for another "
                + "acoustic model: it needs " + streams + " feature stream(s) of " + dimension + " values");
        }
        this.channelPrior = channelPrior;
        original = new float[means.size()][];
        for (int i = 0; i < original.length; i++) original[i] = means.get(i).clone();
    }

    /** A fresh, empty adaptation for one speaker of this model. */
    SpeakerAdaptation newSpeaker() {
        return new SpeakerAdaptation(streams, dimension);
    }

    /** Makes the live means those of {@code transform} (null: the model as loaded). */
    void use(SpeakerAdaptation.MeanTransform transform) {
        if (transform == applied) return;
        for (int index = 0; index < original.length; index++) {
            float[] live = means.get(index);
            if (transform == null) System.arraycopy(original[index], 0, live, 0, live.length);
            else transform.apply(original[index], stream(index), live);
        }
        applied = transform;
        loader.clearGauScores();
    }

    /** What a speaker not yet adapted to is heard through; null: the model as loaded. */
    SpeakerAdaptation.MeanTransform channelPrior() {
        return channelPrior;
    }

    int gaussiansPerStream() {
        return gaussiansPerStream;
    }

    /** The Gaussian codebook a senone's mixture draws on (its base phone's, in a tied-mixture model). */
    int codebook(long mixtureId) {
        return senoneToCodebook == null ? (int) mixtureId : senoneToCodebook[(int) mixtureId];
    }

    /** Where a codebook's Gaussian of one stream sits in the means and variances pools. */
    int index(int codebook, int stream, int gaussian) {
        return (codebook * streams + stream) * gaussiansPerStream + gaussian;
    }

    float[] originalMean(int index) {
        return original[index];
    }

    float[] variance(int index) {
        return loader.getVariancePool().get(index);
    }

    private int stream(int index) {
        return (index / gaussiansPerStream) % streams;
    }
}
