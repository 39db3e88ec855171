package callsim.testkit.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asterisk's manager permission classes (EVENT_FLAG_* in include/asterisk/manager.h) and the two
 * string forms manager.c uses: a comma list read from manager.conf / the {@code Events} header, and
 * the {@code Privilege:} line of an event ("call,all").
 */
final class AmiPermissions {
    static final int SYSTEM = 1;
    static final int CALL = 1 << 1;
    static final int LOG = 1 << 2;
    static final int VERBOSE = 1 << 3;
    static final int COMMAND = 1 << 4;
    static final int AGENT = 1 << 5;
    static final int USER = 1 << 6;
    static final int CONFIG = 1 << 7;
    static final int DTMF = 1 << 8;
    static final int REPORTING = 1 << 9;
    static final int CDR = 1 << 10;
    static final int DIALPLAN = 1 << 11;
    static final int ORIGINATE = 1 << 12;
    static final int AGI = 1 << 13;
    static final int ALL = -1;

    private static final String[] LABELS = {"system", "call", "log", "verbose", "command", "agent", "user",
            "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi"};

    private AmiPermissions() {}

    /** "call,dtmf" → CALL|DTMF; "all" or "on" → everything; "off" or "" → nothing; digits → that mask. */
    static int parse(String list) {
        if (list == null || list.isBlank()) return 0;
        String trimmed = list.trim().toLowerCase(Locale.ROOT);
        if (trimmed.chars().allMatch(Character::isDigit)) return Integer.parseInt(trimmed);
        if (List.of("off", "no", "false", "n", "f", "0").contains(trimmed)) return 0;
        if (List.of("on", "yes", "true", "y", "t").contains(trimmed)) return ALL;
        int mask = 0;
        for (String part : trimmed.split(",")) {
            String label = part.trim();
            if (label.equals("all")) return ALL;
            for (int i = 0; i < LABELS.length; i++) {
                if (LABELS[i].equals(label)) mask |= 1 << i;
            }
        }
        return mask;
    }

    /** The category of an event from its Privilege line ("call,all" → CALL); "all" itself adds nothing. */
    static int category(String privilege) {
        int mask = 0;
        for (String part : privilege.toLowerCase(Locale.ROOT).split(",")) {
            for (int i = 0; i < LABELS.length; i++) {
                if (LABELS[i].equals(part.trim())) mask |= 1 << i;
            }
        }
        return mask;
    }

    /** authority_to_str(): the labels of the set bits, then "all" (whose mask matches anything). */
    static String privilege(int category) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            if ((category & (1 << i)) != 0) labels.add(LABELS[i]);
        }
        labels.add("all");
        return String.join(",", labels);
    }

    /** process_events(): a session gets an event only if both its read permission and its event mask cover it. */
    static boolean delivers(int readPerm, int eventMask, int category) {
        return (readPerm & category) == category && (eventMask & category) == category;
    }
}
