package callsim.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How speech that came down a phone line differs from the wide-band speech the acoustic model was trained on,
 * as one speaker adaptation ({@link SpeakerAdaptation.MeanTransform}) learnt from many voices heard through the
 * 8 kHz G.711 channel. An agent's first turns, before enough of their own speech is in to adapt to (about 3 s),
 * are heard through it rather than through the model as loaded: on the first utterances of human and synthetic
 * voices no benchmark learnt it from, fewer words wrong at less CPU (BENCHMARKS.md (c), ninth session).
 *
 * <p>It is learnt offline, once, by {@code bench/run channel-prior} (which says what it was learnt from) and
 * ships as {@link #RESOURCE}: a few thousand numbers, read once per JVM, nothing learnt on a call's path.
 */
public final class ChannelPrior {
    /** The bundled prior, beside this class; its comment lines say how it was made. */
    static final String RESOURCE = "channel-prior.txt";
    private static final String HEADER = "channel-prior";

    private static volatile SpeakerAdaptation.MeanTransform bundled;

    private ChannelPrior() {
    }

    /** The bundled prior, read on first use. */
    static SpeakerAdaptation.MeanTransform bundled() {
        SpeakerAdaptation.MeanTransform prior = bundled;
        if (prior == null) {
            try (InputStream in = ChannelPrior.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ChannelPrior.class.getName());
                prior = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = prior;
        }
        return prior;
    }

    /**
     * The text of {@link #RESOURCE} for what {@code channel} was adapted to, under {@code comments} (one per line).
     *
     * @throws IllegalStateException if too little of its speech was heard clearly to adapt to
     */
    public static String text(SpeakerProfile channel, List<String> comments) {
        SpeakerAdaptation.MeanTransform transform = channel.ownTransform();
        if (transform == null) {
            throw new IllegalStateException("too little speech heard clearly to learn the phone line's prior (at least "
                + SpeakerAdaptation.MIN_FRAMES / 100 + " s is needed)");
        }
        return format(transform, comments);
    }

    static String format(SpeakerAdaptation.MeanTransform transform, List<String> comments) {
        int streams = transform.a().length;
        int dimension = transform.b()[0].length;
        StringBuilder text = new StringBuilder();
        for (String comment : comments) text.append("# ").append(comment).append('\n');
        text.append("# then one row per stream and dimension k: A[k][0..").append(dimension - 1).append("] and b[k]; "
            + "an adapted mean is A·mean + b\n");
        text.append(HEADER).append(' ').append(streams).append(' ').append(dimension).append('\n');
        for (int s = 0; s < streams; s++) {
            for (int k = 0; k < dimension; k++) {
                for (float value : transform.a()[s][k]) text.append(value).append(' ');
                text.append(transform.b()[s][k]).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Reads a prior written by {@link #text}.
     *
     * @throws IllegalArgumentException naming the line, if the text is not such a prior
     */
    static SpeakerAdaptation.MeanTransform parse(String text) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            rows.add(line.split("\\s+"));
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty() || !rows.get(0)[0].equals(HEADER) || rows.get(0).length != 3) {
            throw new IllegalArgumentException(RESOURCE + ": expected a first line '" + HEADER + " STREAMS DIMENSION'");
        }
        int streams = positive(rows.get(0)[1], lineNumbers.get(0));
        int dimension = positive(rows.get(0)[2], lineNumbers.get(0));
        if (rows.size() - 1 != streams * dimension) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d rows of numbers, expected %d (%d streams × %d)",
                RESOURCE, rows.size() - 1, streams * dimension, streams, dimension));
        }
        float[][][] a = new float[streams][dimension][dimension];
        float[][] b = new float[streams][dimension];
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int line = lineNumbers.get(r);
            if (row.length != dimension + 1) {
                throw new IllegalArgumentException(RESOURCE + ": line " + line + " has " + row.length + " numbers, expected "
                    + (dimension + 1));
            }
            int s = (r - 1) / dimension;
            int k = (r - 1) % dimension;
            for (int i = 0; i < dimension; i++) a[s][k][i] = number(row[i], line);
            b[s][k] = number(row[dimension], line);
        }
        return new SpeakerAdaptation.MeanTransform(a, b);
    }

    private static int positive(String value, int line) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(RESOURCE + ": line " + line + ": '" + value + "' is not a positive whole number");
    }

    private static float number(String value, int line) {
        try {
            float f = Float.parseFloat(value);
            if (Float.isFinite(f)) return f;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(RESOURCE + ": line " + line + ": '" + value + "' is not a finite number");
    }
}
