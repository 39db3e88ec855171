package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.cmu.sphinx.linguist.acoustic.UnitManager;
import edu.cmu.sphinx.linguist.acoustic.tiedstate.Sphinx3Loader;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switching one recogniser's acoustic model between speakers, on the real en-us model. */
class AdaptableMeansTest {
    private static Sphinx3Loader loader;

    @BeforeAll
    static void loadModel() throws Exception {
        SphinxLogging.quiet();
        loader = new Sphinx3Loader(ReusableSpeechRecognizer.ACOUSTIC_MODEL, new UnitManager(), 0f, 1e-7f, 1e-4f, 4, true);
        loader.load();
    }

    /** A transform whose streams differ, so a mean transformed with another stream's matrix shows. */
    private static SpeakerAdaptation.MeanTransform streamsThatDiffer(int streams, int dimension) {
        Random random = new Random(7);
        float[][][] a = new float[streams][dimension][dimension];
        float[][] b = new float[streams][dimension];
        for (int s = 0; s < streams; s++) {
            for (int k = 0; k < dimension; k++) {
                for (int i = 0; i < dimension; i++) a[s][k][i] = (k == i ? 1 : 0) + 0.05f * (float) random.nextGaussian();
                b[s][k] = (s + 1) * 0.5f;
            }
        }
        return new SpeakerAdaptation.MeanTransform(a, b);
    }

    @Test
    void eachMeanIsMovedByItsOwnStreamsTransformAndTheModelAsLoadedComesBack() {
        AdaptableMeans means = new AdaptableMeans(loader, null);
        int streams = loader.getNumStreams();
        int dimension = loader.getVectorLength()[0];
        float[][] asLoaded = new float[loader.getMeansPool().size()][];
        for (int i = 0; i < asLoaded.length; i++) asLoaded[i] = loader.getMeansPool().get(i).clone();
        SpeakerAdaptation.MeanTransform speaker = streamsThatDiffer(streams, dimension);

        means.use(speaker);
        for (int codebook : new int[] {0, 5, 20}) {
            for (int stream = 0; stream < streams; stream++) {
                int index = means.index(codebook, stream, 17);
                float[] expected = new float[dimension];
                speaker.apply(asLoaded[index], stream, expected);
                assertThat(loader.getMeansPool().get(index)).containsExactly(expected);
            }
        }

        means.use(null);  // the next turn is another agent's, not yet adapted
        for (int i = 0; i < asLoaded.length; i++) assertThat(loader.getMeansPool().get(i)).containsExactly(asLoaded[i]);
    }

    @Test
    void aSpeakersTransformIsAppliedToTheMeansAsLoadedNotOnTopOfAnotherSpeakers() {
        AdaptableMeans means = new AdaptableMeans(loader, null);
        SpeakerAdaptation.MeanTransform first = streamsThatDiffer(loader.getNumStreams(), loader.getVectorLength()[0]);
        SpeakerAdaptation.MeanTransform second = streamsThatDiffer(loader.getNumStreams(), loader.getVectorLength()[0]);

        means.use(second);
        float[] secondAlone = loader.getMeansPool().get(100).clone();
        means.use(first);
        means.use(second);

        assertThat(loader.getMeansPool().get(100)).containsExactly(secondAlone);
        means.use(null);
    }

    @Test
    void theBundledPhoneLinePriorFitsTheModelAndOneMadeForAnotherModelIsRefusedAtLoad() {
        AdaptableMeans means = new AdaptableMeans(loader, ChannelPrior.bundled());
        assertThat(means.channelPrior()).isSameAs(ChannelPrior.bundled());

        float[][][] a = {{{1f, 0f}, {0f, 1f}}};
        float[][] b = {{0f, 0f}};
        assertThatThrownBy(() -> new AdaptableMeans(loader, new SpeakerAdaptation.MeanTransform(a, b)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ChannelPrior.RESOURCE)
            .hasMessageContaining("made for another acoustic model");
    }
}
