package callsim.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line-level readings of an agent's words that the metrics need (docs/metrics.md): is it a backchannel,
 * is it a hold request. Recognised words may be wrong, so both look for any of several cues.
 */
public final class AgentPhrases {
    private static final Set<String> BACKCHANNEL_WORDS = Set.of(
            "mm", "mhm", "mm-hm", "mmhm", "hm", "hmm", "um", "uh-huh", "uh", "huh", "oh", "ah", "yes", "yeah", "yep",
            "yup", "i", "see", "okay", "ok", "right", "sure", "alright", "all", "got", "it", "understood", "go", "on",
            "of", "course", "absolutely", "indeed", "true", "exactly");
    private static final Pattern HOLD_REQUEST = Pattern.compile(
            // "hold" but not "hold the statement up"; "mind holding" but not "thank you for holding";
            // "just a second" but not "let me talk for a second"
            "\\b(hold(?! (the|it|up|your|my|that|this|onto|off|back)\\b)|hold the line|(mind|try|keep) holding|"
            + "holding (for|while)|one moment|a moment|moment please|one second|(just|wait|give me) a (second|sec)|"
            + "a second please|a minute|bear with me|"
            + "let me (check|look|pull|find)|while i (check|look|pull|find)|hang on|wait a)\\b");

    private AgentPhrases() {}

    /** True when every recognised word is an acknowledgement ("mm-hm", "I see", "okay", "right"). */
    public static boolean isBackchannel(String words) {
        String[] tokens = normalise(words).split(" ");
        if (tokens.length == 0 || tokens.length > 4 || tokens[0].isEmpty()) return false;
        for (String token : tokens) {
            if (!BACKCHANNEL_WORDS.contains(token)) return false;
        }
        return true;
    }

    /** True when the words ask the caller to hold or wait while the agent checks something. */
    public static boolean isHoldRequest(String words) {
        return HOLD_REQUEST.matcher(normalise(words)).find();
    }

    static String normalise(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^a-z' -]", " ").replaceAll("\\s+", " ").trim();
    }
}
