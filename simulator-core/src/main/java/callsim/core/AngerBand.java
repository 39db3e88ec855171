package callsim.core;

import java.util.Locale;

/** The caller's mood bands of docs/rubric.md; the band picks how the caller talks. */
public enum AngerBand {
    SATISFIED(0), CALMING(20), FRUSTRATED(40), ANGRY(60), FURIOUS(80);

    private final int from;

    AngerBand(int from) {
        this.from = from;
    }

    /** The lowest anger in this band. */
    public int from() {
        return from;
    }

    public static AngerBand of(int anger) {
        AngerBand band = SATISFIED;
        for (AngerBand candidate : values()) {
            if (anger >= candidate.from) band = candidate;
        }
        return band;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
