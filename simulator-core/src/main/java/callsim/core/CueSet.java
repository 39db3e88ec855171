package callsim.core;

import java.util.List;
import java.util.Optional;

/** Several phrase variants of one cue ("I understand how frustrating", "that must be frustrating", ...). */
final class CueSet {
    private final List<Cue> cues;

    CueSet(List<String> patterns) {
        this.cues = patterns.stream().map(Cue::new).toList();
    }

    static CueSet of(String... patterns) {
        return new CueSet(List.of(patterns));
    }

    /** The first variant heard in the tokens, as its plain phrase. */
    Optional<String> find(Heard heard) {
        return cues.stream().filter(cue -> cue.matches(heard)).map(Cue::phrase).findFirst();
    }

    boolean heardIn(Heard heard) {
        return find(heard).isPresent();
    }

    List<String> phrases() {
        return cues.stream().map(Cue::phrase).toList();
    }
}
