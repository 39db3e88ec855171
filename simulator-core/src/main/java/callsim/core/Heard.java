package callsim.core;

import java.util.List;

/** The words of one agent turn as the detection rules read them: spelling, and sound (see {@link SoundsLike}). */
final class Heard {
    private final List<String> tokens;
    private final SoundsLike sounds;
    private List<String[]> phones;

    Heard(List<String> tokens, SoundsLike sounds) {
        this.tokens = List.copyOf(tokens);
        this.sounds = sounds;
    }

    /** Spelling only (tests, and rules that read the words themselves). */
    static Heard words(String text) {
        return new Heard(Words.tokens(text), SoundsLike.off());
    }

    List<String> tokens() {
        return tokens;
    }

    String text() {
        return String.join(" ", tokens);
    }

    /** True if some run of the heard words sounds like the cue's words (looked up per turn: a few hundred map reads). */
    boolean soundsLike(List<String> cueWords) {
        String[] cuePhones = sounds.cuePhones(cueWords);
        if (cuePhones == null) return false;
        if (phones == null) phones = sounds.phonesOf(tokens);
        return sounds.heardIn(cuePhones, phones);
    }
}
