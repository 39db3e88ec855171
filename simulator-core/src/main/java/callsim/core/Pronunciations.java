package callsim.core;

import java.util.List;

/**
 * How words sound: a word's phones (ARPAbet, e.g. "charged" → CH AA R JH D), or an empty list for a
 * word it does not know. The core receives it from outside (the CMU dictionary the recogniser uses),
 * so that cues can be matched on sound as well as spelling (see {@link SoundsLike}).
 */
@FunctionalInterface
public interface Pronunciations {
    /** Knows no word: cues match on spelling only. */
    Pronunciations NONE = word -> List.of();

    List<String> phones(String word);
}
