package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;

/**
 * Who is calling: the name the agent may use, the base pitch of their synthetic voice, whether they
 * swear and insult when angry (T11), and whether they keep demanding a supervisor (T12).
 */
public record Persona(String name, int voicePitchHz, boolean abusive, boolean insistsOnSupervisor) {
    public static final int MIN_PITCH_HZ = 60;
    public static final int MAX_PITCH_HZ = 300;

    public Persona {
        checkArgument(name != null && !name.isBlank(), "persona name is empty");
        checkArgument(voicePitchHz >= MIN_PITCH_HZ && voicePitchHz <= MAX_PITCH_HZ,
                "voice pitch %s Hz outside %s..%s", voicePitchHz, MIN_PITCH_HZ, MAX_PITCH_HZ);
    }

    /** A caller who is neither abusive nor insists on a supervisor. */
    public Persona(String name, int voicePitchHz) {
        this(name, voicePitchHz, false, false);
    }

    /** The words of the name ("Dana", "Whitfield"): using either is using the caller's name. */
    public List<String> nameWords() {
        return Arrays.stream(name.trim().split("\\s+")).filter(w -> w.length() >= 2).toList();
    }
}
