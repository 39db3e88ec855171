package callsim.testkit.asterisk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel behind a fake FastAGI call and res_agi's handlers for the commands this fake models:
 * given a command Asterisk would run now, the reply it sends. Guarded by the owning session's lock.
 */
final class FakeChannel {
    private static final int UP = 6; // AST_STATE_UP
    private static final int RING = 4; // AST_STATE_RING: an incoming call before Answer()

    private final String name;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private boolean answered;
    private boolean dead;

    FakeChannel(String name) {
        this.name = name;
    }

    boolean dead() {
        return dead;
    }

    /** The caller hung up, or the script's HANGUP took effect. */
    void hangUp() {
        dead = true;
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** res_agi's handler for {@code words} (a command {@code entry} that may run now): its reply. */
    String execute(AgiCommandTable.Entry entry, List<String> words) {
        int argc = words.size();
        List<String> args = words.subList(entry.words().size(), argc);
        switch (entry.name()) {
            case "ANSWER":
                answered = true;
                return "200 result=0\n";
            case "HANGUP":
                if (argc == 1 || argc == 2 && isThisChannel(args.get(0))) {
                    dead = true; // a soft hang-up, which res_agi then notices like any other
                    return "200 result=1\n";
                }
                return argc == 2 ? "200 result=-1\n" : usage(entry);
            case "EXEC":
                if (argc < 2) {
                    return usage(entry);
                }
                return dead ? "200 result=-1\n" : "200 result=0\n"; // an application on a dead channel fails
            case "SET VARIABLE":
                if (argc >= 4) { // res_agi checks only that a value is there
                    variables.put(args.get(0), args.get(1));
                }
                return "200 result=1\n";
            case "GET VARIABLE":
                if (argc != 3) {
                    return usage(entry);
                }
                String value = variables.get(args.get(0));
                return value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
            case "VERBOSE":
                return argc < 2 ? usage(entry) : "200 result=1\n";
            case "CHANNEL STATUS":
                if (argc == 2 || argc == 3 && isThisChannel(args.get(0))) {
                    return "200 result=" + (answered ? UP : RING) + "\n";
                }
                return argc == 3 ? "200 result=-1\n" : usage(entry);
            default:
                return "200 result=0\n"; // commands this fake does not model
        }
    }

    private boolean isThisChannel(String channel) {
        return channel.equalsIgnoreCase(name);
    }

    private static String usage(AgiCommandTable.Entry entry) {
        return "520-Invalid command syntax.  Proper usage follows:\n"
                + AgiCommandTable.usage(entry) + "\n"
                + "520 End of proper usage.\n";
    }
}
