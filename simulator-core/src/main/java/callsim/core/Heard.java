package callsim.core;

import java.util.List;

/** The words of one agent turn as the detection rules read them: spelling, and sound (see {@link SoundsLike}). */
final class Heard {
    private final List<String> tokens;
    private final SoundsLike sounds;

    Heard(List<String> tokens, SoundsLike sounds) {
        this.tokens = List.copyOf(tokens);
        this.sounds = sounds;
    }

    List<String> tokens() {
        return tokens;
    }

    /** The turn's first {@code count} words (all of them if it is shorter). */
    Heard opening(int count) {
        return tokens.size() <= count ? this : new Heard(tokens.subList(0, count), sounds);
    }

    String text() {
        return String.join(" ", tokens);
    }

    /**
     * How many heard words from {@code at} stand for {@code cueWord}: 1 if the word itself is heard
     * (nearly as spelt, see {@link Words#similar}), else the length of a run that sounds like it, else 0.
     */
    int heardAs(String cueWord, int at) {
        if (Words.similar(cueWord, tokens.get(at))) return 1;
        return sounds.runSoundingLike(cueWord, tokens, at);
    }
}
