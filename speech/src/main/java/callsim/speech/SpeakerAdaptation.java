package callsim.speech;

import edu.cmu.sphinx.decoder.search.Token;
import edu.cmu.sphinx.frontend.Data;
import edu.cmu.sphinx.frontend.FloatData;
import edu.cmu.sphinx.linguist.HMMSearchState;
import edu.cmu.sphinx.util.LogMath;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Maximum-likelihood linear regression (MLLR) of the acoustic model's means toward one speaker: what the
 * recogniser learns of an agent's voice from their own turns, unsupervised (the recogniser's best path
 * is taken as the truth). Each turn adds the statistics of its best path; once enough speech is in, the
 * speaker gets a transform ({@link MeanTransform}) that every later turn is decoded with, whichever
 * recogniser decodes it ({@link AdaptableMeans}).
 *
 * <p>Sphinx4 has MLLR classes of its own ({@code edu.cmu.sphinx.decoder.adaptation}), but they cannot be
 * used here: {@code Stats} inverts the loaded model's variances in place (a second speaker on the same
 * recogniser flips them back), and {@code Sphinx3Loader.update} applies every feature stream's transform
 * to every mean, one after the other, which made every voice worse on this model. The arithmetic below
 * is theirs (one regression class, a full matrix per feature stream), with the posteriors normalised and
 * the statistics taken against the unadapted means.
 */
final class SpeakerAdaptation {
    /**
     * Frames of speech (10 ms each) on the best path before the first transform: below about 3 s a full
     * 13×13 matrix per stream is fitted to too little and hurts more than it helps.
     */
    static final int MIN_FRAMES = 300;
    /** Gaussians below this share of a frame's posterior add nothing measurable and are skipped (speed). */
    private static final double MIN_POSTERIOR = 1e-3;

    private final int streams;
    private final int dimension;
    /** Per stream and feature dimension: the normal equations' left side, (d+1)², upper triangle used. */
    private final double[][][][] left;
    /** Per stream and feature dimension: the normal equations' right side, d+1. */
    private final double[][][] right;
    private int frames;
    private MeanTransform transform;

    SpeakerAdaptation(int streams, int dimension) {
        this.streams = streams;
        this.dimension = dimension;
        left = new double[streams][dimension][dimension + 1][dimension + 1];
        right = new double[streams][dimension][dimension + 1];
    }

    /** The transform for this speaker's next turns, or null while too little of their speech is in. */
    synchronized MeanTransform transform() {
        return transform;
    }

    synchronized int frames() {
        return frames;
    }

    /**
     * Adds one decoded segment's best path to the statistics and refreshes the transform.
     *
     * @param best  the best token at the end of the segment (its predecessors are the path)
     * @param model the means the path was scored against, and the unadapted means and variances
     */
    synchronized void collect(Token best, AdaptableMeans model) {
        LogMath logMath = LogMath.getLogMath();
        int gaussians = model.gaussiansPerStream();
        double[] posterior = new double[gaussians];
        double[] extended = new double[dimension + 1];
        int added = 0;
        for (Token token = best; token != null; token = token.getPredecessor()) {
            if (!(token.getSearchState() instanceof HMMSearchState state) || !state.isEmitting()) continue;
            Data data = token.getData();
            if (!(data instanceof FloatData feature)) continue;
            float[] x = feature.getValues();
            float[] scores = token.calculateComponentScore(feature);
            int codebook = model.codebook(state.getHMMState().getMixtureId());
            for (int s = 0; s < streams; s++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < gaussians; g++) max = Math.max(max, scores[s * gaussians + g]);
                double sum = 0;
                for (int g = 0; g < gaussians; g++) {
                    posterior[g] = logMath.logToLinear((float) (scores[s * gaussians + g] - max));
                    sum += posterior[g];
                }
                for (int g = 0; g < gaussians; g++) {
                    double p = posterior[g] / sum;
                    if (p < MIN_POSTERIOR) continue;
                    int index = model.index(codebook, s, g);
                    float[] mean = model.originalMean(index);
                    float[] variance = model.variance(index);
                    for (int i = 0; i < dimension; i++) extended[i] = mean[i];
                    extended[dimension] = 1;
                    for (int k = 0; k < dimension; k++) {
                        double weight = p / variance[k];
                        double observed = weight * x[s * dimension + k];
                        double[][] l = left[s][k];
                        double[] r = right[s][k];
                        for (int i = 0; i <= dimension; i++) {
                            double wi = weight * extended[i];
                            for (int j = i; j <= dimension; j++) l[i][j] += wi * extended[j];
                            r[i] += observed * extended[i];
                        }
                    }
                }
            }
            added++;
        }
        frames += added;
        if (added > 0 && frames >= MIN_FRAMES) transform = solve();
    }

    /** Row k of each stream's [A | b] from its normal equations; the previous transform if any is singular. */
    private MeanTransform solve() {
        float[][][] a = new float[streams][dimension][dimension];
        float[][] b = new float[streams][dimension];
        try {
            for (int s = 0; s < streams; s++) {
                for (int k = 0; k < dimension; k++) {
                    double[][] full = new double[dimension + 1][dimension + 1];
                    for (int i = 0; i <= dimension; i++) {
                        for (int j = i; j <= dimension; j++) {
                            full[i][j] = left[s][k][i][j];
                            full[j][i] = left[s][k][i][j];
                        }
                    }
                    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(full, false)).getSolver();
                    RealVector row = solver.solve(new ArrayRealVector(right[s][k], true));
                    for (int i = 0; i < dimension; i++) a[s][k][i] = (float) row.getEntry(i);
                    b[s][k] = (float) row.getEntry(dimension);
                }
            }
        } catch (SingularMatrixException e) {
            return transform; // too little variety in the speech so far: keep what we had
        }
        return new MeanTransform(a, b);
    }

    /** New mean = A·mean + b, one A and b per feature stream. Immutable once made. */
    record MeanTransform(float[][][] a, float[][] b) {
        /** Whether this transforms means of {@code streams} feature streams of {@code dimension} values each. */
        boolean fits(int streams, int dimension) {
            if (a.length != streams || b.length != streams) return false;
            for (int s = 0; s < streams; s++) {
                if (a[s].length != dimension || b[s].length != dimension) return false;
                for (float[] row : a[s]) if (row.length != dimension) return false;
            }
            return true;
        }

        void apply(float[] original, int stream, float[] target) {
            float[][] matrix = a[stream];
            float[] bias = b[stream];
            for (int k = 0; k < target.length; k++) {
                float value = bias[k];
                float[] row = matrix[k];
                for (int i = 0; i < original.length; i++) value += row[i] * original[i];
                target[k] = value;
            }
        }
    }
}
