package callsim.testkit.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Asterisk's res_agi reads a command line: {@code parse_args} (quotes, backslash escapes) and
 * {@code find_command} over its command table, including which commands may run on a dead channel
 * (the table's {@code dead} column, which decides between running a command and
 * {@code 511 Command Not Permitted...}). Transcribed from res_agi.c, not from any client library.
 */
final class AgiCommandTable {
    /** One row of res_agi's table: the command's words and whether it runs after the channel hung up. */
    record Entry(List<String> words, boolean allowedWhenDead) {
        String name() {
            return String.join(" ", words).toUpperCase(Locale.ROOT);
        }
    }

    // Same order as res_agi.c's commands[]: find_command returns the first row that matches.
    private static final List<Entry> ENTRIES = List.of(
            entry("answer", false), entry("asyncagi break", true), entry("channel status", false),
            entry("database del", true), entry("database deltree", true), entry("database get", true),
            entry("database put", true), entry("exec", true), entry("get data", false),
            entry("get full variable", true), entry("get option", false), entry("get variable", true),
            entry("gosub", false), entry("hangup", false), entry("noop", true), entry("receive char", false),
            entry("receive text", false), entry("record file", false), entry("say alpha", false),
            entry("say digits", false), entry("say number", false), entry("say phonetic", false),
            entry("say date", false), entry("say time", false), entry("say datetime", false),
            entry("send image", false), entry("send text", false), entry("set autohangup", false),
            entry("set callerid", false), entry("set context", false), entry("set extension", false),
            entry("set music", false), entry("set priority", false), entry("set variable", true),
            entry("stream file", false), entry("control stream file", false), entry("tdd mode", false),
            entry("verbose", true), entry("wait for digit", false), entry("speech create", false),
            entry("speech set", false), entry("speech destroy", true), entry("speech load grammar", false),
            entry("speech unload grammar", true), entry("speech activate grammar", false),
            entry("speech deactivate grammar", false), entry("speech recognize", false));

    private AgiCommandTable() {}

    private static Entry entry(String words, boolean allowedWhenDead) {
        return new Entry(List.of(words.split(" ")), allowedWhenDead);
    }

    /**
     * res_agi's {@code find_command(argv, 0)}: the first row whose words (case-insensitively) start the
     * argument list. A row needing more words than were sent does not match.
     */
    static Optional<Entry> find(List<String> args) {
        for (Entry e : ENTRIES) {
            if (args.size() >= e.words().size() && matches(e, args)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Entry e, List<String> args) {
        for (int i = 0; i < e.words().size(); i++) {
            if (!e.words().get(i).equalsIgnoreCase(args.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * res_agi's {@code parse_args}: words split on unquoted spaces/tabs; {@code "} toggles quoting
     * (an opening quote after whitespace starts a word, so {@code ""} is an empty word); a backslash
     * makes the next character literal.
     */
    static List<String> parseArgs(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && cur == null) {
                    cur = new StringBuilder();
                }
            } else if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                if (cur != null) {
                    args.add(cur.toString());
                    cur = null;
                }
            } else if (c == '\\' && !escaped) {
                escaped = true;
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                cur.append(c);
                escaped = false;
            }
        }
        if (cur != null) {
            args.add(cur.toString());
        }
        return args;
    }

    /**
     * The body Asterisk prints between {@code 520-Invalid command syntax.  Proper usage follows:} and
     * {@code 520 End of proper usage.}. Real Asterisk prints the command's full XML documentation here;
     * this fake prints a one-line syntax summary (clients only need the framing lines).
     */
    static String usage(Entry e) {
        return switch (e.name()) {
            case "EXEC" -> "Usage: EXEC <application> <options>";
            case "VERBOSE" -> "Usage: VERBOSE <message> <level>";
            case "HANGUP" -> "Usage: HANGUP [<channelname>]";
            case "GET VARIABLE" -> "Usage: GET VARIABLE <variablename>";
            default -> "Usage: " + e.name();
        };
    }
}
