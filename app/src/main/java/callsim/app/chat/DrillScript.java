package callsim.app.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text drill's script language (docs/text-drill.md): one agent move a line. Plain text is a
 * turn; {@code /wait N}, {@code /hold N} (seconds), {@code /interrupt TEXT}, {@code /then N TEXT} and {@code /hangup} are
 * commands; {@code #} starts a comment running to the end of the line; blank lines are skipped.
 */
public final class DrillScript {
    /** The longest wait or hold a line may ask for: the drill's own limit is 15 minutes. */
    static final double MAX_SECONDS = 900;

    /** The commands, as the help and the error messages list them. */
    public static final String COMMANDS = "/wait SECONDS, /hold SECONDS, /interrupt TEXT, /then SECONDS TEXT, /hangup";

    /** A move and the 1-based line it came from. */
    public record Line(int number, AgentMove move) {}

    private DrillScript() {}

    /** Parses a whole script; the first bad line is reported as {@code source:line: problem}. */
    public static List<Line> parse(String sourceName, List<String> lines) {
        List<Line> moves = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                int number = i + 1;
                parseLine(lines.get(i)).ifPresent(move -> moves.add(new Line(number, move)));
            } catch (IllegalArgumentException e) {
                throw new ScriptFormatException(sourceName, i + 1, e.getMessage());
            }
        }
        return List.copyOf(moves);
    }

    /** One line: a move, or empty for a blank or comment line. Throws IllegalArgumentException saying what is wrong. */
    public static Optional<AgentMove> parseLine(String line) {
        int hash = line.indexOf('#');
        String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (text.isEmpty()) return Optional.empty();
        if (!text.startsWith("/")) return Optional.of(new AgentMove.Say(text));
        String[] parts = text.split("\\s+", 2);
        String command = parts[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return Optional.of(switch (command) {
            case "/wait" -> new AgentMove.Wait(millis(command, argument));
            case "/hold" -> new AgentMove.Hold(millis(command, argument));
            case "/interrupt" -> {
                if (argument.isEmpty()) throw new IllegalArgumentException("/interrupt needs the words the agent says, e.g. /interrupt okay but");
                yield new AgentMove.Interrupt(argument);
            }
            case "/then" -> {
                String[] pauseAndWords = argument.split("\\s+", 2);
                if (pauseAndWords.length < 2) {
                    throw new IllegalArgumentException("/then needs a pause in seconds and the words, e.g. /then 0.8 and I can also");
                }
                yield new AgentMove.GoOn(millis(command, pauseAndWords[0]), pauseAndWords[1].strip());
            }
            case "/hangup" -> {
                if (!argument.isEmpty()) throw new IllegalArgumentException("/hangup takes nothing after it, found '" + argument + "'");
                yield new AgentMove.HangUp();
            }
            default -> throw new IllegalArgumentException("unknown command '" + parts[0]
                    + "' (expected one of " + COMMANDS + ")");
        });
    }

    private static long millis(String command, String argument) {
        double seconds;
        try {
            seconds = Double.parseDouble(argument);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + " needs a number of seconds, e.g. " + command + " 8"
                    + (argument.isEmpty() ? "" : ", not '" + argument + "'"));
        }
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(command + " seconds must be more than 0 and at most " + (int) MAX_SECONDS
                    + ", not " + argument);
        }
        return Math.round(seconds * 1000);
    }
}
