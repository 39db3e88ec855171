package callsim.core;

import java.util.List;
import java.util.Map;

/**
 * What any caller says when the agent's turn did not come through clearly, by how they feel; a scenario
 * may write its own {@code not-heard} lines instead. Other bands borrow from the nearest of these.
 */
public final class NotHeardLines {
    private NotHeardLines() {}

    public static final Map<AngerBand, List<String>> DEFAULTS = Map.of(
            AngerBand.FURIOUS, List.of(
                    "What? You're breaking up, I can't hear a word you're saying!",
                    "Say that again, you keep cutting out!",
                    "Hello? This line is terrible. What did you just say?",
                    "I can't understand you! Speak up!",
                    "What was that? You're all crackly!"),
            AngerBand.FRUSTRATED, List.of(
                    "Sorry, you're breaking up. What was that?",
                    "I didn't catch that, the line's bad. Can you say it again?",
                    "You cut out there. What did you say?",
                    "Sorry, what? I couldn't make that out.",
                    "The line's bad. Can you repeat that?"),
            AngerBand.CALMING, List.of(
                    "Sorry, you broke up a bit there. Could you say that again?",
                    "I'm sorry, I didn't quite catch that.",
                    "The line's a bit crackly. What was that?",
                    "Sorry, could you repeat that? You cut out for a second.",
                    "I missed that, sorry. The line isn't great."));
}
