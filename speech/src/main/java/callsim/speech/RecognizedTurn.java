package callsim.speech;

/**
 * What the recogniser made of one agent turn.
 *
 * @param words      lower case, single spaces, "" when nothing was recognised
 * @param confidence 0 to 1: the share of the speech the recogniser found in the turn that its words (not
 *                   silence, breath or noise) account for, a word counting for at most a plausible length
 *                   for its phones; 0 when it found no speech. Clear English fills most of it with words;
 *                   noise and other languages leave much of it to fillers or to words stretched over it
 *                   (docs/metrics.md, BENCHMARKS.md (f)).
 * @param narrowed   0 to 1: the share of the turn searched with a narrower beam because its decoding was
 *                   behind the call's audio (the server was busy; {@link CatchUpActiveListFactory}); 0 when
 *                   it kept up
 */
public record RecognizedTurn(String words, double confidence, double narrowed) {
    public RecognizedTurn {
        if (words == null) throw new IllegalArgumentException("words must not be null");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence " + confidence + " outside 0..1");
        if (!(narrowed >= 0 && narrowed <= 1)) throw new IllegalArgumentException("narrowed " + narrowed + " outside 0..1");
    }

    /** A turn searched at the full beam throughout. */
    public RecognizedTurn(String words, double confidence) {
        this(words, confidence, 0);
    }
}
