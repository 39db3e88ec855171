package callsim.speech;

import callsim.core.CallerPace;

/**
 * How the caller's synthetic voice sounds for one utterance. Anger makes the voice faster, louder
 * and wider in pitch; calm makes it slower and steadier (docs/rubric.md, "The caller").
 *
 * @param rateWpm   the rate FreeTTS is set to, in its words per minute (default 150)
 * @param pitchHz   base pitch (FreeTTS default 100)
 * @param pitchRange pitch variation (FreeTTS default 11; 35-40 sounds agitated)
 * @param gain      linear gain applied to the samples (1.0 = as synthesised)
 */
public record VoiceStyle(float rateWpm, float pitchHz, float pitchRange, float gain) {
    public VoiceStyle {
        if (rateWpm < 60 || rateWpm > 400) throw new IllegalArgumentException("rateWpm out of range: " + rateWpm);
        if (pitchHz < 40 || pitchHz > 400) throw new IllegalArgumentException("pitchHz out of range: " + pitchHz);
        if (pitchRange < 0 || pitchRange > 100) throw new IllegalArgumentException("pitchRange out of range: " + pitchRange);
        if (gain <= 0 || gain > 4) throw new IllegalArgumentException("gain out of range: " + gain);
    }

    /**
     * kevin16 talks faster than the rate it is set to, its own pauses included: the double-charge
     * opening came out at 137 words a minute when set to 120, at 184 when set to 150.
     */
    static final float KEVIN16_SPEEDUP = 1.15f;

    /** The style for an anger level 0-100 around a persona's base pitch; the rate is {@link CallerPace}'s. */
    public static VoiceStyle forAnger(int anger, float basePitchHz) {
        float a = Math.max(0, Math.min(100, anger)) / 100f;
        return new VoiceStyle(CallerPace.wordsPerMinute(anger) / KEVIN16_SPEEDUP, basePitchHz * (0.95f + 0.25f * a),
                8 + 30 * a, 0.7f + 0.6f * a);
    }
}
