package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

/** Who is calling: the name the agent may use and the base pitch of their synthetic voice. */
public record Persona(String name, int voicePitchHz) {
    public static final int MIN_PITCH_HZ = 60;
    public static final int MAX_PITCH_HZ = 300;

    public Persona {
        checkArgument(name != null && !name.isBlank(), "persona name is empty");
        checkArgument(voicePitchHz >= MIN_PITCH_HZ && voicePitchHz <= MAX_PITCH_HZ,
                "voice pitch %s Hz outside %s..%s", voicePitchHz, MIN_PITCH_HZ, MAX_PITCH_HZ);
    }
}
